package io.taskstream.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class QuickAddParseIT extends ApiIT {

    private static final String REFERENCE = "2026-03-04T10:00:00+01:00";

    private Response parse(Session user, ObjectNode body) {
        return api.as(user).post("/api/" + user.userId() + "/tasks/parse", body.toString());
    }

    private static ObjectNode request(String text) {
        return HttpApi.JSON.createObjectNode().put("text", text).put("referenceTime", REFERENCE);
    }

    @Test
    void everyPublicCaseParsesOverHttpToItsDueMomentInTheUsersZone() throws IOException {
        Session ann = api.signup("Europe/Berlin");
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/assistant/parser-cases.json")) {
            cases = HttpApi.JSON.readTree(in).get("cases");
        }
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode c : cases) {
            JsonNode expect = c.get("expect");
            JsonNode draft = parse(ann, request(c.get("text").asString())).json();
            String text = c.get("text").asString();
            soft.assertThat(draft.get("title").asString()).as(text).isEqualToIgnoringCase(expect.get("title").asString());
            if (expect.hasNonNull("date")) {
                OffsetDateTime due = OffsetDateTime.parse(draft.get("dueAt").asString());
                soft.assertThat(due.toLocalDate().toString()).as(text).isEqualTo(expect.get("date").asString());
                soft.assertThat(draft.get("allDay").asBoolean()).as(text).isEqualTo(!expect.hasNonNull("time"));
            }
            soft.assertThat(draft.get("recurrence").isNull()).as(text).isEqualTo(!expect.hasNonNull("rrule"));
            soft.assertThat(draft.get("priority").asString()).as(text).isEqualTo(expect.path("priority").asString("none"));
        }
        soft.assertAll();
    }

    @Test
    void thePagesOwnHintParsesWithItsBangPriority() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode draft = parse(ann, request("Pay rent every 1st at 9am #home !high")).json();

        assertThat(draft.get("title").asString()).isEqualTo("Pay rent");
        assertThat(draft.get("priority").asString()).isEqualTo("high");
        assertThat(draft.get("tags").toString()).isEqualTo("[\"home\"]");
        assertThat(draft.get("dueAt").asString()).isEqualTo("2026-04-01T09:00:00+02:00");
        assertThat(parse(ann, request("Water plants !medium")).json().get("priority").asString()).isEqualTo("medium");
        assertThat(parse(ann, request("Water plants !low")).json().get("priority").asString()).isEqualTo("low");
    }

    @Test
    void everyRecurringDraftOfThePublicCasesCanBeSavedAsATask() throws IOException {
        Session ann = api.signup("Europe/Berlin");
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/assistant/parser-cases.json")) {
            cases = HttpApi.JSON.readTree(in).get("cases");
        }
        SoftAssertions soft = new SoftAssertions();
        int recurring = 0;
        for (JsonNode c : cases) {
            String text = c.get("text").asString();
            JsonNode draft = parse(ann, request(text)).json();
            if (draft.get("recurrence").isNull()) {
                continue;
            }
            recurring++;
            Response created = api.as(ann).post(ann.tasks(), draft.toString());
            soft.assertThat(created.status()).as("%s → %s: %s", text, draft.get("recurrence"), created.body())
                    .isEqualTo(201);
        }
        soft.assertThat(recurring).as("recurring public cases").isPositive();
        soft.assertAll();
    }

    @Test
    void anHourlyRepetitionParsesAndIsSavedWithTheRuleInWords() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode draft = parse(ann, request("stretch every 2 hours")).json();
        Response created = api.as(ann).post(ann.tasks(), draft.toString());

        assertThat(draft.get("recurrence").get("rule").asString()).isEqualTo("FREQ=HOURLY;INTERVAL=2");
        assertThat(draft.get("recurrence").get("description").asString()).isEqualTo("Every 2 hours");
        assertThat(draft.get("dueAt").asString()).isEqualTo("2026-03-04T10:00:00+01:00");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("recurrence").get("rule").asString()).isEqualTo("FREQ=HOURLY;INTERVAL=2");
        assertThat(created.json().get("recurrence").get("description").asString()).isEqualTo("Every 2 hours");
    }

    @Test
    void recurrenceAndRemindersComeInTheShapesTasksAccept() {
        Session ann = api.signup("Europe/Berlin");

        Response r = parse(ann, request("Water plants every!  2 days at 8am remind me 30 minutes before p2 #home"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode draft = r.json();
        assertThat(draft.get("title").asString()).isEqualTo("Water plants");
        assertThat(draft.get("dueAt").asString()).isEqualTo("2026-03-05T08:00:00+01:00");
        assertThat(draft.get("allDay").asBoolean()).isFalse();
        assertThat(draft.get("priority").asString()).isEqualTo("medium");
        assertThat(draft.get("tags").get(0).asString()).isEqualTo("home");
        assertThat(draft.get("recurrence").get("rule").asString()).isEqualTo("FREQ=DAILY;INTERVAL=2");
        assertThat(draft.get("recurrence").get("from").asString()).isEqualTo("completion");
        assertThat(draft.get("reminders").toString()).isEqualTo("[{\"before\":\"PT30M\"}]");
    }

    @Test
    void anAbsoluteReminderIsRenderedAsAnInstantInTheZone() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode draft = parse(ann, request("Submit report friday at 5pm remind me at 9am friday")).json();

        assertThat(draft.get("reminders").toString()).isEqualTo("[{\"at\":\"2026-03-06T09:00:00+01:00\"}]");
    }

    @Test
    void theUsersZoneAndNowAreTheDefaults() {
        Session ann = api.signup("America/New_York");

        JsonNode draft = parse(ann, HttpApi.JSON.createObjectNode().put("text", "Call mom tomorrow at 9am")).json();

        OffsetDateTime due = OffsetDateTime.parse(draft.get("dueAt").asString());
        assertThat(due.getHour()).isEqualTo(9);
        assertThat(due.getOffset().getTotalSeconds()).isIn(-5 * 3600, -4 * 3600);
        assertThat(due.toInstant()).isAfter(java.time.Instant.now());
    }

    @Test
    void anExplicitZoneOverridesTheUsersOne() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode draft = parse(ann, request("Standup tomorrow at 9am").put("timeZone", "Asia/Tokyo")).json();

        assertThat(draft.get("dueAt").asString()).isEqualTo("2026-03-05T09:00:00+09:00");
    }

    @Test
    void parsingCreatesNoTask() {
        Session ann = api.signup();

        parse(ann, request("Buy milk tomorrow"));

        assertThat(api.as(ann).get(ann.tasks()).json().isEmpty()).isTrue();
    }

    @Test
    void badFieldsAreReportedTogetherAsAProblem() {
        Session ann = api.signup();

        Response r = parse(ann, request("Buy milk").put("referenceTime", "yesterday").put("timeZone", "Mars/Olympus"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").toString()).contains("referenceTime", "timeZone");
    }

    @Test
    void blankTextIsRefused() {
        Session ann = api.signup();

        Response r = parse(ann, HttpApi.JSON.createObjectNode().put("text", "  "));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
    }

    @Test
    void anotherUsersParseEndpointIsForbidden() {
        Session ann = api.signup();
        Session bob = api.signup();

        Response r = api.as(ann).post("/api/" + bob.userId() + "/tasks/parse", request("x").toString());

        assertThat(r.status()).isEqualTo(403);
    }
}
