/**
 * Activity history: consumes {@code task-events} into an append-only log, serves it per task and per user, and adds
 * it to the data export. No public surface.
 */
package io.taskstream.audit;
