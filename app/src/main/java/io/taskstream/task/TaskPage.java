package io.taskstream.task;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of tasks, how many tasks match the filters across all pages when that was counted, and whether a later
 * page has any. Filtered lists are counted exactly up to {@value #EXACT_TOTAL_UP_TO} matches; beyond that the total is
 * unknown (counting 100,000 index entries was most of a list request's database time) and only {@code hasNext} tells
 * whether to go on. Searches by relevance rank every match anyway, so their total is always exact.
 */
public record TaskPage(List<TaskSnapshot> tasks, OptionalLong total, boolean hasNext) {

    /** The largest number of matches an unsearched list counts exactly. */
    public static final int EXACT_TOTAL_UP_TO = 10_000;

    public TaskPage {
        tasks = List.copyOf(tasks);
    }

    /** A page of a list whose total is known. */
    static TaskPage counted(List<TaskSnapshot> tasks, long total, long offset) {
        return new TaskPage(tasks, OptionalLong.of(total), offset + tasks.size() < total);
    }
}
