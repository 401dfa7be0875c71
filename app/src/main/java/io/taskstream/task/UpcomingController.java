package io.taskstream.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.platform.problem.ClientErrorException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coming days, day by day in the user's zone: the web page's "Upcoming" view. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
class UpcomingController {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 31;

    private final UpcomingTasks upcoming;
    private final UserDirectory users;

    UpcomingController(UpcomingTasks upcoming, UserDirectory users) {
        this.upcoming = upcoming;
        this.users = users;
    }

    @GetMapping("/upcoming")
    @Operation(summary = "The open tasks due on each of the coming days (from today, in the user's zone), with the "
            + "next occurrences of recurring tasks where they fall")
    List<DayView> upcoming(@PathVariable UUID userId,
            @Parameter(description = "how many days from today, 1-31 (default 7)") @RequestParam(required = false) Integer days) {
        int n = days == null ? DEFAULT_DAYS : days;
        if (n < 1 || n > MAX_DAYS) {
            throw ClientErrorException.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        return upcoming.next(user, n).stream().map(day -> DayView.of(day, zone)).toList();
    }

    /** One day in the user's zone and what is due on it, earliest first. */
    @Schema(name = "UpcomingDay")
    record DayView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-08") LocalDate date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EntryView> items) {

        static DayView of(UpcomingTasks.Day day, ZoneId zone) {
            return new DayView(day.date(), day.entries().stream().map(e -> EntryView.of(e, zone)).toList());
        }
    }

    /** A task due at a moment of the day: its own due, or ({@code occurrence}) a later one of its rule. */
    @Schema(name = "UpcomingItem")
    record EntryView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime dueAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "true for a later occurrence of a recurring task, not yet a task of its own") boolean occurrence,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) TaskView task) {

        static EntryView of(UpcomingTasks.Entry entry, ZoneId zone) {
            return new EntryView(entry.dueAt().toOffsetDateTime(), entry.occurrence(), TaskView.of(entry.task(), zone));
        }
    }
}
