package io.taskstream.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.audit.AuditRepository.AuditEntry;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.web.SupportedDates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves the activity history: per task, and per user since a moment; both oldest first. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Activity")
class AuditController {

    private static final int MAX_LIMIT = 500;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final AuditRepository log;
    private final Clock clock;

    AuditController(AuditRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}/history")
    @Operation(summary = "What happened to a task, when and through which door (kept after deletion)")
    List<AuditEntry> history(@PathVariable UUID userId, @PathVariable long id) {
        List<AuditEntry> entries = log.history(userId, id);
        if (entries.isEmpty()) {
            throw new NotFoundException("Task " + id + " has no history");
        }
        return entries;
    }

    @GetMapping("/activity")
    @Operation(summary = "The user's activity since a moment, oldest first")
    List<AuditEntry> activity(@PathVariable UUID userId,
            @Parameter(description = "RFC 3339 date-time; default: 7 days ago") @RequestParam(required = false) String since,
            @Parameter(description = "1-500, default 100") @RequestParam(required = false) Integer limit) {
        Instant from;
        try {
            from = since == null ? clock.instant().minus(DEFAULT_WINDOW) : OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw ClientErrorException.invalid("since", "must be an RFC 3339 date-time such as 2026-03-05T17:00:00Z");
        }
        if (!SupportedDates.contains(from)) {
            throw ClientErrorException.invalid("since", SupportedDates.OUT_OF_RANGE);
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ClientErrorException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return log.activity(userId, from, max);
    }
}
