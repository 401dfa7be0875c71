package io.taskstream.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrenceRule;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a task recurs: a normalised RFC 5545 rule and what the next occurrence counts from. Task views add the rule
 * in words ({@link #description()}), as the calendar describes it for the chat and the web app alike.
 *
 * @param rule the rule without its {@code RRULE:} prefix, as {@link RecurrenceRule#text()} normalises it
 * @param from {@code due}: the next occurrence is the rule's first instance after the completed one that is
 *     not in the past; {@code completion}: the rule applied from the completion day, at the due time of day
 */
@Schema(name = "Recurrence")
public record Recurrence(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FREQ=WEEKLY;BYDAY=MO") String rule,
        @Schema(description = "due (default) or completion") From from) {

    public Recurrence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(from, "from");
    }

    /** A recurrence by a rule the calendar has parsed, and what its next occurrence counts from. */
    public static Recurrence of(RecurrenceRule rule, From from) {
        return new Recurrence(rule.text(), from);
    }

    public RecurrenceRule parsedRule() {
        return RecurrenceRule.parse(rule);
    }

    /** The rule in words, e.g. "Monthly on the 3rd Sunday" or "Every 2 hours". */
    @JsonIgnore
    public String description() {
        try {
            return parsedRule().describe();
        } catch (InvalidRecurrenceRuleException e) {
            return "Custom: " + rule; // stored before rules were checked as they are now
        }
    }

    /** What the next occurrence of a completed one counts from. */
    public enum From {
        DUE, COMPLETION;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<From> parse(String value) {
            for (From from : values()) {
                if (from.json().equalsIgnoreCase(value.strip())) {
                    return Optional.of(from);
                }
            }
            return Optional.empty();
        }
    }
}
