package io.taskstream.task;

import java.util.List;

/** One page of tasks and how many tasks match the filters across all pages. */
public record TaskPage(List<TaskSnapshot> tasks, long total) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
