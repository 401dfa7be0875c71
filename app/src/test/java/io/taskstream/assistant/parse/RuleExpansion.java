package io.taskstream.assistant.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/** Expands RRULEs with lib-recur so tests compare rules by the occurrences they produce, not by spelling. */
final class RuleExpansion {

    private RuleExpansion() {
    }

    static List<String> occurrences(String rrule, LocalDate first, LocalTime time, ZoneId zone, int limit) {
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule);
        } catch (InvalidRecurrenceRuleException e) {
            throw new AssertionError("invalid RRULE " + rrule, e);
        }
        DateTime start = time == null
                ? new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth())
                : new DateTime(TimeZone.getTimeZone(zone), first.getYear(), first.getMonthValue() - 1,
                first.getDayOfMonth(), time.getHour(), time.getMinute(), 0);
        RecurrenceRuleIterator it = rule.iterator(start);
        List<String> out = new ArrayList<>();
        while (it.hasNext() && out.size() < limit) {
            DateTime dt = it.nextDateTime();
            if (dt.isAllDay()) {
                out.add(LocalDate.of(dt.getYear(), dt.getMonth() + 1, dt.getDayOfMonth()).toString());
            } else {
                out.add(Instant.ofEpochMilli(dt.getTimestamp()).atZone(zone).toLocalDateTime().toString());
            }
        }
        return out;
    }
}
