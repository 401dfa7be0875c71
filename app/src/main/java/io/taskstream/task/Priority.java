package io.taskstream.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How important a task is; ordered from least to most important. */
public enum Priority {
    NONE, LOW, MEDIUM, HIGH;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> parse(String value) {
        for (Priority p : values()) {
            if (p.json().equalsIgnoreCase(value.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
