package io.taskstream.audit;

import java.time.Instant;

/**
 * One thing that happened to one of the user's tasks, as the activity history recorded it.
 *
 * @param taskId the task (it may have been deleted since)
 * @param type {@code created}, {@code updated}, {@code completed}, {@code uncompleted} or {@code deleted}
 * @param title the task's title after the change (before it, for a deletion)
 * @param door where the change came from: {@code rest}, {@code chat}, {@code mcp}, {@code system}...
 * @param occurredAt when it happened
 */
public record Activity(long taskId, String type, String title, String door, Instant occurredAt) {
}
