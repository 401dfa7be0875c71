package io.taskstream.task;

/** A tag and on how many of the user's tasks it is. */
public record TagCount(String tag, long count) {
}
