/**
 * Calendar arithmetic without business rules: RFC 5545 recurrence rules, parsed, normalised and
 * expanded in a time zone (wall-clock times stay put across DST changes). Used by the task module to
 * validate and preview, and by the recurrence module to find the next occurrence.
 */
package io.taskstream.calendar;
