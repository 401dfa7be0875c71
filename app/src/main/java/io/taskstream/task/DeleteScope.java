package io.taskstream.task;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of a recurring task's series a deletion removes, as calendars ask. A series is every task that shares the
 * task's series id: the completed occurrences before it, the task itself, and any occurrence after it.
 */
public enum DeleteScope {

    /**
     * Just this task. An open occurrence is skipped: it moves to the series' next instance that is not in the past
     * (and is deleted when the series has ended); a completed one, a past occurrence, is deleted alone.
     */
    OCCURRENCE,

    /** This task and every later occurrence: the series ends here, the completed occurrences before it stay. */
    FOLLOWING,

    /** Every occurrence of the series, completed ones included. */
    SERIES;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named in lowercase ("occurrence", "following", "series"), or empty. */
    public static Optional<DeleteScope> fromJson(String value) {
        for (DeleteScope scope : values()) {
            if (scope.json().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
