/**
 * Activity history: consumes {@code task-events} into an append-only log, serves it per task and per user, and adds
 * it to the data export. Public surface: {@link io.taskstream.audit.ActivityHistory} and
 * {@link io.taskstream.audit.Activity}, the read-only history other modules (the assistant) may ask.
 */
package io.taskstream.audit;
