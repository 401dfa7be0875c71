package io.taskstream.assistant.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every case of the shared parser-cases.json through the parser. The file is read from, in order: the path
 * named by {@code -Dparser.cases}; {@code ../../shared/assistant/parser-cases.json} relative to the app module (CI
 * checks out {@code shared/} beside the repository); the copy in the test resources.
 */
class ParserCasesTest {

    private static final QuickAddParser PARSER = new QuickAddParser();
    private static final Path SHARED_CASES = Path.of("..", "..", "shared", "assistant", "parser-cases.json");

    static JsonNode loadCases() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        Path file = casesFile();
        if (file != null) {
            return mapper.readTree(file.toFile());
        }
        try (InputStream in = ParserCasesTest.class.getResourceAsStream("/assistant/parser-cases.json")) {
            if (in == null) {
                throw new IOException("assistant/parser-cases.json not on the test classpath");
            }
            return mapper.readTree(in);
        }
    }

    /** The case file outside the classpath, or null to use the bundled copy. */
    static Path casesFile() {
        String override = System.getProperty("parser.cases");
        if (override != null && !override.isBlank() && !override.startsWith("${")) {
            Path path = Path.of(override);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        return Files.isRegularFile(SHARED_CASES) ? SHARED_CASES : null;
    }

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = loadCases();
        ZoneId defaultZone = ZoneId.of(root.path("timeZone").asString("UTC"));
        String defaultRef = root.path("referenceTime").asString();
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            ZoneId zone = c.hasNonNull("timeZone") ? ZoneId.of(c.get("timeZone").asString()) : defaultZone;
            String ref = c.hasNonNull("referenceTime") ? c.get("referenceTime").asString() : defaultRef;
            ZonedDateTime reference = ZonedDateTime.parse(ref).withZoneSameInstant(zone);
            out.add(Arguments.of(c.get("text").asString(), c.get("expect"), reference));
        }
        return out.stream();
    }

    @Test
    void theCaseFileHasTheTwentyPublicCases() throws IOException {
        assertThat(loadCases().path("cases").size()).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesCaseAsSpecified(String text, JsonNode expect, ZonedDateTime reference) {
        TaskDraft d = PARSER.parse(text, reference);
        ZoneId zone = reference.getZone();
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(d.title().strip()).as("title").isEqualToIgnoringCase(expect.path("title").asString().strip());
        soft.assertThat(d.date()).as("date").isEqualTo(textOrNull(expect, "date") == null ? null
                : LocalDate.parse(expect.get("date").asString()));
        soft.assertThat(d.time()).as("time").isEqualTo(textOrNull(expect, "time") == null ? null
                : LocalTime.parse(expect.get("time").asString()));
        String priority = textOrNull(expect, "priority");
        soft.assertThat(d.priority().json()).as("priority").isEqualTo(priority == null ? "none" : priority);

        List<String> tags = new ArrayList<>();
        expect.path("tags").forEach(t -> tags.add(t.asString()));
        soft.assertThat(d.tags()).as("tags").containsExactlyElementsOf(tags);

        List<Duration> reminders = new ArrayList<>();
        expect.path("reminders").forEach(r -> reminders.add(Duration.parse(r.asString())));
        reminders.sort(Comparator.naturalOrder());
        List<Duration> actualReminders = new ArrayList<>(d.remindersBefore());
        actualReminders.sort(Comparator.naturalOrder());
        soft.assertThat(actualReminders).as("reminders").isEqualTo(reminders);

        String rrule = textOrNull(expect, "rrule");
        String from = textOrNull(expect, "from");
        if (rrule == null) {
            soft.assertThat(d.recurrence()).as("recurrence").isNull();
        } else {
            soft.assertThat(d.recurrence()).as("recurrence").isNotNull();
            if (d.recurrence() != null) {
                LocalDate first = LocalDate.parse(expect.get("date").asString());
                LocalTime time = textOrNull(expect, "time") == null ? null : LocalTime.parse(expect.get("time").asString());
                List<String> want = RuleExpansion.occurrences(rrule, first, time, zone, 10);
                List<String> got = RuleExpansion.occurrences(d.recurrence().rule(), first, time, zone, 10);
                soft.assertThat(got).as("occurrences of " + d.recurrence().rule() + " vs " + rrule)
                        .isEqualTo(want);
                soft.assertThat(d.recurrence().from().json()).as("from").isEqualTo(from == null ? "due" : from);
            }
        }
        soft.assertAll();
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
