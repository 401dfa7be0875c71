package io.taskstream.calendar;

import java.time.ZonedDateTime;

/**
 * One occurrence of a series: when, and its 1-based position in the rule's instances (what COUNT
 * counts; the series' first occurrence is 1).
 */
public record Occurrence(ZonedDateTime at, int index) {
}
