package io.taskstream.assistant.parse;

import java.util.Locale;

/** Task priority; {@link #jsonName()} is the lowercase wire form ("none", "low", "medium", "high"). */
public enum Priority {
    NONE, LOW, MEDIUM, HIGH;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the wire names and Todoist-style codes p1..p4; anything else (including null) is NONE. */
    public static Priority fromJson(String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "high", "p1" -> HIGH;
            case "medium", "p2" -> MEDIUM;
            case "low", "p3" -> LOW;
            default -> NONE;
        };
    }
}
