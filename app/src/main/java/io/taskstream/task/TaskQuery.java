package io.taskstream.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One page of a user's task list, filtered and sorted. */
public record TaskQuery(
        Status status,
        Set<Priority> priorities,
        List<String> tags,
        String search,
        Instant dueFrom,
        Instant dueTo,
        boolean overdue,
        Sort sort,
        boolean descending,
        int page,
        int size) {

    public enum Status { ALL, PENDING, COMPLETED }

    public enum Sort { DUE, PRIORITY, TITLE, CREATED, UPDATED, RELEVANCE }

    long offset() {
        return (long) page * size;
    }
}
