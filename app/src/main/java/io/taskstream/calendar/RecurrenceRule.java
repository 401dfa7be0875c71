package io.taskstream.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RFC 5545 {@code RRULE} value (FREQ {@link #FREQUENCIES HOURLY to YEARLY}, the {@link #PARTS} of RFC 5545),
 * parsed strictly by lib-recur and kept in its normalised text form: the one recurrence rule of the product, which
 * quick add produces, tasks store, the web app edits and {@link #describe()} puts in words. Expansion happens in wall-clock time of one zone: instances are computed as local
 * date-times (lib-recur's floating mode) and only then placed in the zone, so a 09:00 series stays at
 * 09:00 across DST changes; a local time that does not exist (spring-forward gap) moves forward by the
 * gap's length, an ambiguous one takes the earlier offset ({@link ZonedDateTime#ofLocal}).
 *
 * <p>COUNT and UNTIL are applied here rather than by lib-recur, so that the series' first occurrence
 * always counts as instance 1 (as RFC 5545 says of DTSTART, even when it does not match the rule) and an
 * UNTIL in UTC, as a date or floating works with any anchor.
 */
public final class RecurrenceRule {

    /** The frequencies a rule may have, shortest first; sub-hourly ones are refused (see ADR 039). */
    public enum Frequency {
        HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY;

        /** Whether occurrences come more than once a day, so that a series needs a time of day. */
        public boolean subDaily() {
            return this == HOURLY;
        }
    }

    /** The accepted FREQ values, as the web app's rule editor must list them. */
    public static final List<String> FREQUENCIES = java.util.Arrays.stream(Frequency.values()).map(Enum::name).toList();
    /** The accepted rule parts (all of RFC 5545's), as the web app's rule editor must list them. */
    public static final List<String> PARTS = List.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE",
            "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");

    private static final Set<Freq> SUPPORTED = EnumSet.of(Freq.HOURLY, Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY,
            Freq.YEARLY);
    /** No series is previewed or continued beyond this: guards rules whose instances thin out endlessly. */
    private static final int LAST_YEAR = 9999;

    private final String text;
    private final org.dmfs.rfc5545.recur.RecurrenceRule parsed;
    /** The rule without COUNT and UNTIL: what lib-recur expands. */
    private final String unbounded;
    private final Integer count;
    private final DateTime until;

    private RecurrenceRule(String text, org.dmfs.rfc5545.recur.RecurrenceRule parsed, String unbounded, Integer count,
            DateTime until) {
        this.text = text;
        this.parsed = parsed;
        this.unbounded = unbounded;
        this.count = count;
        this.until = until;
    }

    /**
     * Parses a rule with or without its {@code RRULE:} prefix, in any letter case.
     *
     * @throws io.taskstream.calendar.InvalidRecurrenceRuleException with the reason when it is not a valid rule
     */
    public static RecurrenceRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException("must not be blank");
        }
        String value = text.strip();
        if (value.regionMatches(true, 0, "RRULE:", 0, 6)) {
            value = value.substring(6).strip();
        }
        if (value.length() > 500) {
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException("must be at most 500 characters");
        }
        if (value.toUpperCase(Locale.ROOT).matches("(.*;)?COUNT=[+-]?0*(;.*)?")) {
            // lib-recur would only say "int value out of range: 0"
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException("COUNT must be at least 1");
        }
        for (String part : value.split(";")) {
            String name = part.contains("=") ? part.substring(0, part.indexOf('=')).strip().toUpperCase(Locale.ROOT) : "";
            if (!name.isEmpty() && !PARTS.contains(name)) {
                throw new io.taskstream.calendar.InvalidRecurrenceRuleException(
                        "has an unknown part " + name + "; the parts are " + String.join(", ", PARTS));
            }
        }
        org.dmfs.rfc5545.recur.RecurrenceRule rule;
        try {
            rule = new org.dmfs.rfc5545.recur.RecurrenceRule(value.toUpperCase(Locale.ROOT), RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException(
                    "is not a valid RFC 5545 recurrence rule: " + reason(e));
        }
        if (!SUPPORTED.contains(rule.getFreq())) {
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException(
                    "FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY, not " + rule.getFreq());
        }
        if (rule.getCount() != null && rule.getCount() < 1) {
            throw new io.taskstream.calendar.InvalidRecurrenceRuleException("COUNT must be at least 1");
        }
        String normalised = rule.toString();
        Integer count = rule.getCount();
        DateTime until = rule.getUntil();
        String unbounded = normalised.replaceAll("(^|;)(COUNT|UNTIL)=[^;]*", "").replaceAll("^;", "");
        requireAnInstance(unbounded);
        return new RecurrenceRule(normalised, rule, unbounded, count, until);
    }

    /**
     * A rule the grammar accepts may still describe no date at all (February 30th, the 31st of April, the
     * 366th Monday of a week's set) or one lib-recur cannot expand: such a rule would fail or end at once
     * whenever a series is continued, so it is refused here, where every way of saving a rule passes. The
     * probe expands from 1 January 2000, 00:00 (a leap year, and a month day every month has) and looks for
     * the first instance within lib-recur's own bounds (it gives up after a run of empty or filtered sets,
     * a few milliseconds) and before {@link #LAST_YEAR}.
     */
    private static void requireAnInstance(String unbounded) {
        String reason;
        try {
            RecurrenceRuleIterator instances = new org.dmfs.rfc5545.recur.RecurrenceRule(unbounded, RfcMode.RFC5545_STRICT)
                    .iterator(new DateTime(2000, 0, 1, 0, 0, 0));
            if (instances.hasNext() && instances.nextDateTime().getYear() <= LAST_YEAR) {
                return;
            }
            reason = "no date before the year " + (LAST_YEAR + 1);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            reason = reason(e);
        }
        throw new io.taskstream.calendar.InvalidRecurrenceRuleException("matches no date, or none within the limits of "
                + "expansion (" + reason + "); check day and month combinations such as BYMONTH=2;BYMONTHDAY=30, that "
                + "BYSETPOS is within the set, and prefer FREQ=YEARLY for dates that come round every few years");
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The normalised rule, without the {@code RRULE:} prefix, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE}. */
    public String text() {
        return text;
    }

    /** How often the rule's instances come. */
    public Frequency frequency() {
        return Frequency.valueOf(parsed.getFreq().name());
    }

    /** The rule in words, e.g. "Every 2 hours", "Monthly on the 3rd Sunday", "Weekly on Mon, Thu, 5 times". */
    public String describe() {
        return RecurrenceDescription.of(text);
    }

    /**
     * The series from {@code first} on: {@code first} itself (as instance {@code firstIndex}), then every
     * instance of the rule strictly after it, anchored at {@code first}'s wall-clock time in its zone,
     * until COUNT or UNTIL ends the series. Lazily computed; may be infinite.
     */
    public Stream<Occurrence> occurrences(ZonedDateTime first, int firstIndex) {
        Objects.requireNonNull(first, "first");
        Iterator<Occurrence> iterator = new SeriesIterator(first, firstIndex);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /** The first instance of the rule strictly after {@code anchor}, anchored there, if the series goes on. */
    public java.util.Optional<Occurrence> nextAfter(ZonedDateTime anchor, int anchorIndex) {
        return occurrences(anchor, anchorIndex).skip(1).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecurrenceRule r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private boolean withinUntil(ZonedDateTime at) {
        if (until == null) {
            return true;
        }
        if (until.isAllDay()) {
            return !at.toLocalDate().isAfter(LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth()));
        }
        if (until.isFloating()) {
            return !at.toLocalDateTime().isAfter(local(until));
        }
        return !at.toInstant().isAfter(Instant.ofEpochMilli(until.getTimestamp()));
    }

    private static LocalDateTime local(DateTime dt) {
        return LocalDateTime.of(dt.getYear(), dt.getMonth() + 1, dt.getDayOfMonth(), dt.getHours(), dt.getMinutes(),
                dt.getSeconds());
    }

    private final class SeriesIterator implements Iterator<Occurrence> {

        private final ZoneId zone;
        private final LocalDateTime firstLocal;
        private RecurrenceRuleIterator instances;
        private Occurrence next;
        private int index;
        private boolean started;

        SeriesIterator(ZonedDateTime first, int firstIndex) {
            this.zone = first.getZone();
            // Instances carry whole seconds; the anchor's fraction would make it differ from its own instance.
            this.firstLocal = first.toLocalDateTime().withNano(0);
            this.index = firstIndex;
            // The series' current occurrence exists whatever the bounds say; only what follows is bounded.
            this.next = new Occurrence(first, firstIndex);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Occurrence next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Occurrence current = next;
            next = advance();
            return current;
        }

        private Occurrence advance() {
            if (!started) {
                started = true;
                try {
                    instances = new org.dmfs.rfc5545.recur.RecurrenceRule(unbounded, RfcMode.RFC5545_STRICT)
                            .iterator(new DateTime(firstLocal.getYear(), firstLocal.getMonthValue() - 1,
                                    firstLocal.getDayOfMonth(), firstLocal.getHour(), firstLocal.getMinute(),
                                    firstLocal.getSecond()));
                } catch (InvalidRecurrenceRuleException | RuntimeException e) {
                    return null; // a rule without any instance from this anchor (say, BYMONTH=2 from the 30th)
                }
            }
            try {
                while (instances.hasNext()) {
                    LocalDateTime local = local(instances.nextDateTime());
                    if (local.getYear() > LAST_YEAR) {
                        return null;
                    }
                    if (local.isAfter(firstLocal)) {
                        index++;
                        return bounded(new Occurrence(ZonedDateTime.ofLocal(local, zone, null), index));
                    }
                }
            } catch (RuntimeException noMoreInstances) {
                // lib-recur gives up on a run of empty sets with IllegalArgumentException or IllegalStateException
                // (a rule stored before rules were probed at parse time may do that from its first instance on)
                return null;
            }
            return null;
        }

        private Occurrence bounded(Occurrence occurrence) {
            if (count != null && occurrence.index() > count) {
                return null;
            }
            return withinUntil(occurrence.at()) ? occurrence : null;
        }
    }
}
