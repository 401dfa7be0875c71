package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TaskInputValidatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static TaskFields valid(Input input) {
        return TaskRules.fields(TaskInputValidator.read(input.build(), BERLIN));
    }

    private static List<String> invalidFields(Input input) {
        ClientErrorException e = catchThrowableOfType(ClientErrorException.class,
                () -> TaskInputValidator.read(input.build(), BERLIN));
        assertThat(e).as("expected a validation error").isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    // --- dates ---

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "2026-02-30", "2026-3-5", "05.03.2026", "2026-03-05T24:01", "2026-03-05T17:00:00+0100",
            "2026-03-05T17:00:00+01", "2026-03-05 17:00:00", "17:00", "2026-03-05T17:00:00[Europe/Berlin]"})
    void anythingElseIsNotADate(String text) {
        assertThat(Due.parse(text, BERLIN, false).orElse(null)).isNull();
        assertThat(invalidFields(new Input("x").due(text))).containsExactly("dueAt");
    }

    @Test
    void aTaskWithADueDateHasItsAllDayFromTheDueDate() {
        assertThat(valid(new Input("x").due("2026-03-05")).allDay()).isTrue();
        assertThat(valid(new Input("x").due("2026-03-05T10:00:00Z").allDay(false)).allDay()).isFalse();
        assertThat(valid(new Input("x").due("2026-03-05T10:00:00Z")).dueAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        TaskFields noDue = valid(new Input("x").allDay(true));
        assertThat(noDue.allDay()).isFalse();
        assertThat(noDue.dueAt()).isNull();
    }

    // --- tags ---

    @Test
    void tagsAreLowercasedAndDeduplicatedKeepingFirstOccurrenceOrder() {
        assertThat(valid(new Input("x").tags("Work", "home", "WORK", "Home", "a_b-1")).tags())
                .containsExactly("work", "home", "a_b-1");
    }

    @Test
    void tagsMayBeUnicodeLettersAndDigits() {
        assertThat(valid(new Input("x").tags("Ärger", "日本", "٣")).tags()).containsExactly("ärger", "日本", "٣");
    }

    @Test
    void tagsAreLowercasedTheSameWayInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(valid(new Input("x").tags("TITLE")).tags()).containsExactly("title");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void eachBadTagIsReportedAtItsIndex() {
        assertThat(invalidFields(new Input("x").tags("ok", "", "with space", "x".repeat(41), "dot.ted", null, "x".repeat(40))))
                .containsExactly("tags[1]", "tags[2]", "tags[3]", "tags[4]", "tags[5]");
    }

    @Test
    void atMostTwentyDistinctTagsCountedAfterNormalisation() {
        String[] twenty = IntStream.range(0, 20).mapToObj(i -> "tag" + i).toArray(String[]::new);
        String[] withCaseDuplicates = IntStream.range(0, 40).mapToObj(i -> i < 20 ? "tag" + i : "TAG" + (i - 20))
                .toArray(String[]::new);
        String[] twentyOne = IntStream.range(0, 21).mapToObj(i -> "tag" + i).toArray(String[]::new);

        assertThat(valid(new Input("x").tags(twenty)).tags()).hasSize(20);
        assertThat(valid(new Input("x").tags(withCaseDuplicates)).tags()).hasSize(20);
        assertThat(invalidFields(new Input("x").tags(twentyOne))).containsExactly("tags");
    }

    @Test
    void noTagsIsAnEmptyList() {
        assertThat(valid(new Input("x")).tags()).isEmpty();
    }

    // --- title, description, priority, reserved fields ---

    @Test
    void titleIsStrippedAndLimitedToTwoHundredCharacters() {
        assertThat(valid(new Input("\u2003 Buy milk \t")).title()).isEqualTo("Buy milk");
        assertThat(valid(new Input(" " + "t".repeat(200) + " ")).title()).hasSize(200);
        assertThat(invalidFields(new Input("t".repeat(201)))).containsExactly("title");
        assertThat(invalidFields(new Input(" \t "))).containsExactly("title");
        assertThat(invalidFields(new Input(null))).containsExactly("title");
    }

    @Test
    void lengthsAreCountedInCharactersLikeTheDatabaseDoes() {
        String emoji = "\uD83D\uDE00";

        assertThat(valid(new Input(emoji.repeat(200))).title()).hasSize(400);
        assertThat(invalidFields(new Input(emoji.repeat(201)))).containsExactly("title");
        assertThat(valid(new Input("x").description(emoji.repeat(4000))).description()).hasSize(8000);
        assertThat(invalidFields(new Input("x").description(emoji.repeat(4001)))).containsExactly("description");
        assertThat(valid(new Input("x").tags("\uD835\uDC9C".repeat(40))).tags()).hasSize(1);
        assertThat(invalidFields(new Input("x").tags("\uD835\uDC9C".repeat(41)))).containsExactly("tags[0]");
    }

    @Test
    void descriptionIsOptionalAndLimitedToFourThousandCharacters() {
        assertThat(valid(new Input("x")).description()).isNull();
        assertThat(valid(new Input("x").description("d".repeat(4000))).description()).hasSize(4000);
        assertThat(invalidFields(new Input("x").description("d".repeat(4001)))).containsExactly("description");
    }

    @Test
    void priorityDefaultsToNone() {
        assertThat(valid(new Input("x")).priority()).isEqualTo(Priority.NONE);
        assertThat(valid(new Input("x").priority("high")).priority()).isEqualTo(Priority.HIGH);
        assertThat(invalidFields(new Input("x").priority("urgent"))).containsExactly("priority");
    }

    @Test
    void malformedRecurrenceAndRemindersAreReportedPerMember() {
        JsonMapper json = JsonMapper.builder().build();
        TaskInput withRecurrence = new TaskInput("x", null, null, null, "2026-03-05", null, json.readTree("{\"every\":\"day\"}"), null);
        TaskInput withReminders = new TaskInput("x", null, null, null, "2026-03-05", null, null, json.readTree("[{\"at\":1}]"));
        TaskInput emptyReminders = new TaskInput("x", null, null, null, null, null, json.readTree("null"), json.readTree("[]"));

        assertThat(catchThrowableOfType(ClientErrorException.class, () -> TaskRules.fields(TaskInputValidator.read(withRecurrence, BERLIN)))
                .violations()).extracting(FieldViolation::field).containsExactly("recurrence.every", "recurrence.rule");
        assertThat(catchThrowableOfType(ClientErrorException.class, () -> TaskRules.fields(TaskInputValidator.read(withReminders, BERLIN)))
                .violations()).extracting(FieldViolation::field).allMatch(field -> field.startsWith("reminders[0]"));
        assertThat(TaskRules.fields(TaskInputValidator.read(emptyReminders, BERLIN)).reminders()).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        List<String> fields = invalidFields(new Input("").description("d".repeat(4001)).priority("p").tags("bad tag")
                .due("soon"));

        assertThat(fields).containsExactly("title", "description", "priority", "tags[0]", "dueAt");
    }

    /** Builder of a {@link TaskInput}; unset fields are absent (null). */
    private static final class Input {
        private final String title;
        private String description;
        private String priority;
        private List<String> tags;
        private String due;
        private Boolean allDay;

        Input(String title) {
            this.title = title;
        }

        Input description(String value) {
            description = value;
            return this;
        }

        Input priority(String value) {
            priority = value;
            return this;
        }

        Input tags(String... values) {
            tags = Arrays.asList(values);
            return this;
        }

        Input due(String value) {
            due = value;
            return this;
        }

        Input allDay(boolean value) {
            allDay = value;
            return this;
        }

        TaskInput build() {
            return new TaskInput(title, description, priority, tags, due, allDay, null, null);
        }
    }
}
