/**
 * Activity history: consumes {@code task-events} into an append-only log and serves it per task and per user.
 */
package io.taskstream.audit;
