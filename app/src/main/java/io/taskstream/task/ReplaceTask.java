package io.taskstream.task;

/**
 * Replace every editable field of a task: what {@code fields} leaves out takes its default (no description, no due…),
 * as when creating one.
 */
public record ReplaceTask(TaskId id, CreateTask fields) {
}
