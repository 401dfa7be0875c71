package io.taskstream.task;

/** Typed id of a task. */
public record TaskId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
