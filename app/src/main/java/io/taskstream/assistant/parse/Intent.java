package io.taskstream.assistant.parse;

import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a chat message asks the assistant to do. Task references are free text cleaned of articles and the word
 * "task" ("the groceries task" → "groceries"); numeric references are normalised to "task N"
 * (see {@link IntentRecognizer#taskId(String)}).
 */
public sealed interface Intent {

    /** Create a task from the parsed draft. */
    record AddTask(TaskDraft draft) implements Intent {
    }

    /**
     * List or search tasks. status is "all", "pending" or "completed"; the other filters are null/false when not
     * asked for; dueFrom/dueTo are inclusive local dates.
     */
    record ListTasks(String status, String search, LocalDate dueFrom, LocalDate dueTo, Priority priority, String tag,
                     boolean overdue) implements Intent {
        public ListTasks {
            status = status == null ? "pending" : status;
        }
    }

    record CompleteTask(String reference) implements Intent {
    }

    record DeleteTask(String reference) implements Intent {
    }

    /** Changes to an existing task; every change is null (or empty) when not requested. */
    record UpdateTask(String reference, String newTitle, LocalDate newDate, LocalTime newTime, Priority newPriority,
                      List<String> addTags, Recurrence newRecurrence) implements Intent {
        public UpdateTask {
            addTags = addTags == null ? List.of() : List.copyOf(addTags);
        }
    }

    /** Exactly one of before (offset before the due moment) and at (absolute moment) is set. */
    record SetReminder(String reference, Duration before, ZonedDateTime at) implements Intent {
    }

    /**
     * A question about the past, answered from the activity history: what happened (event: "any", "created",
     * "completed", "deleted"...) from one day to another (inclusive), or, with a reference, to one task.
     */
    record History(String event, LocalDate from, LocalDate to, String reference) implements Intent {
        public History {
            event = event == null ? "any" : event;
        }
    }

    /** A question the assistant cannot answer; it must never become a task. */
    record Question(String text) implements Intent {
    }

    record Help() implements Intent {
    }

    record Unknown(String text) implements Intent {
    }
}
