package io.taskstream.recurrence;

import io.taskstream.calendar.Occurrence;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.task.Recurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Which occurrence follows a completed one (a pure function of the rule, the completed occurrence, the
 * completion and now, in the user's zone).
 * <ul>
 *   <li>{@code from: due}: the rule's first instance after the completed occurrence that is not in the
 *       past: occurrences missed while the task stayed open are skipped, not piled up (they still count
 *       towards COUNT, as the rule's instances they are). For an all-day task, today is not in the past.</li>
 *   <li>{@code from: completion}: the rule applied from the completion day at the completed occurrence's
 *       time of day: its first instance after that anchor. A rule that repeats within a day (HOURLY) is applied
 *       from the completion itself, to the minute: "every! 2 hours" comes due two hours after it was done.</li>
 * </ul>
 * Empty when COUNT or UNTIL has ended the series.
 */
final class NextOccurrence {

    private NextOccurrence() {
    }

    static Optional<Occurrence> after(Recurrence recurrence, Instant due, boolean allDay, int index, Instant completedAt,
            Instant now, ZoneId zone) {
        RecurrenceRule rule = recurrence.parsedRule();
        ZonedDateTime completedDue = due.atZone(zone);
        return switch (recurrence.from()) {
            case DUE -> {
                LocalDate today = now.atZone(zone).toLocalDate();
                yield rule.occurrences(completedDue, index)
                        .skip(1)
                        .filter(o -> allDay ? !o.at().toLocalDate().isBefore(today) : o.at().toInstant().isAfter(now))
                        .findFirst();
            }
            case COMPLETION -> {
                ZonedDateTime anchor;
                if (rule.frequency().subDaily()) {
                    anchor = completedAt.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
                } else {
                    LocalDate completionDay = completedAt.atZone(zone).toLocalDate();
                    anchor = ZonedDateTime.of(completionDay, completedDue.toLocalTime(), zone);
                }
                yield rule.nextAfter(anchor, index);
            }
        };
    }
}
