package io.taskstream.audit;

import io.taskstream.account.UserId;
import io.taskstream.audit.AuditRepository.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The activity history as other modules may read it: what happened to a user's tasks in a period, and to one task.
 * Only the user's own history, like the history API. The history is written from the task events, so a change
 * appears in it shortly after it was made, not in the same instant.
 */
@Service
public class ActivityHistory {

    /** The most entries one question returns. */
    public static final int MAX_ENTRIES = 500;

    private final AuditRepository log;

    ActivityHistory(AuditRepository log) {
        this.log = log;
    }

    /** What happened from {@code from} (inclusive) to {@code to} (exclusive), oldest first, at most {@code limit}. */
    public List<Activity> between(UserId user, Instant from, Instant to, int limit) {
        return log.between(user.value(), from, to, Math.clamp(limit, 1, MAX_ENTRIES)).stream()
                .map(ActivityHistory::activity).toList();
    }

    /** What happened to one task, oldest first; empty when the user has no such task in the history. */
    public List<Activity> ofTask(UserId user, long taskId) {
        return log.history(user.value(), taskId).stream().map(ActivityHistory::activity).toList();
    }

    /**
     * The user's tasks whose title contained {@code words} at some point (case-insensitive), deleted ones included,
     * most recently active first, at most {@code limit}.
     */
    public List<Long> tasksTitled(UserId user, String words, int limit) {
        return words.isBlank() ? List.of() : log.tasksTitled(user.value(), words.strip(), Math.clamp(limit, 1, MAX_ENTRIES));
    }

    private static Activity activity(AuditEntry entry) {
        return new Activity(entry.taskId(), entry.type(), entry.task().path("title").asString(""), entry.door(),
                entry.occurredAt());
    }
}
