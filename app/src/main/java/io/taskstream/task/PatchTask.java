package io.taskstream.task;

import java.util.List;
import java.util.Objects;

/**
 * Change some fields of a task: each field is either kept ({@link Change#keep()}), set ({@link Change#to}), or cleared
 * ({@link Change#clear()}: back to its default, e.g. no due, no repetition, priority none). The result is checked as a
 * whole, as a {@link CreateTask} is.
 */
public record PatchTask(TaskId id, Change<String> title, Change<String> description, Change<Priority> priority,
        Change<List<String>> tags, Change<Due> due, Change<Recurrence> recurrence, Change<List<Reminder>> reminders) {

    public PatchTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(reminders, "reminders");
    }

    /** A patch that changes nothing yet; the {@code with…} methods add changes. */
    public static PatchTask of(TaskId id) {
        return new PatchTask(id, Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep());
    }

    public PatchTask withTitle(Change<String> change) {
        return new PatchTask(id, change, description, priority, tags, due, recurrence, reminders);
    }

    public PatchTask withDescription(Change<String> change) {
        return new PatchTask(id, title, change, priority, tags, due, recurrence, reminders);
    }

    public PatchTask withPriority(Change<Priority> change) {
        return new PatchTask(id, title, description, change, tags, due, recurrence, reminders);
    }

    public PatchTask withTags(Change<List<String>> change) {
        return new PatchTask(id, title, description, priority, change, due, recurrence, reminders);
    }

    public PatchTask withDue(Change<Due> change) {
        return new PatchTask(id, title, description, priority, tags, change, recurrence, reminders);
    }

    public PatchTask withRecurrence(Change<Recurrence> change) {
        return new PatchTask(id, title, description, priority, tags, due, change, reminders);
    }

    public PatchTask withReminders(Change<List<Reminder>> change) {
        return new PatchTask(id, title, description, priority, tags, due, recurrence, change);
    }

    /** One field's change: keep the current value, or set a new one (null clears the field). */
    public static final class Change<T> {

        private static final Change<?> KEEP = new Change<>(false, null);

        private final boolean given;
        private final T value;

        private Change(boolean given, T value) {
            this.given = given;
            this.value = value;
        }

        @SuppressWarnings("unchecked")
        public static <T> Change<T> keep() {
            return (Change<T>) KEEP;
        }

        /** Set the field to {@code value}; null clears it. */
        public static <T> Change<T> to(T value) {
            return new Change<>(true, value);
        }

        public static <T> Change<T> clear() {
            return new Change<>(true, null);
        }

        public boolean kept() {
            return !given;
        }

        /** The field's value after the change, given its {@code current} one. */
        public T applyTo(T current) {
            return given ? value : current;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Change<?> change && change.given == given && Objects.equals(change.value, value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(given, value);
        }

        @Override
        public String toString() {
            return given ? "to(" + value + ")" : "keep";
        }
    }
}
