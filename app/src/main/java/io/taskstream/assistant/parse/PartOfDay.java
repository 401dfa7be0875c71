package io.taskstream.assistant.parse;

import java.time.LocalTime;

/** Vague times of day and the clock time each one stands for. */
enum PartOfDay {
    MORNING(LocalTime.of(9, 0), false),
    AFTERNOON(LocalTime.of(15, 0), true),
    EVENING(LocalTime.of(18, 0), true),
    NIGHT(LocalTime.of(20, 0), true);

    final LocalTime time;
    final boolean afterNoon;

    PartOfDay(LocalTime time, boolean afterNoon) {
        this.time = time;
        this.afterNoon = afterNoon;
    }

    static PartOfDay of(String lower) {
        return switch (lower) {
            case "morning" -> MORNING;
            case "afternoon" -> AFTERNOON;
            case "evening" -> EVENING;
            case "night" -> NIGHT;
            default -> null;
        };
    }
}
