package io.taskstream.task;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Temporary copies of {@code task} and {@code task_term}, dropped at commit, which hide the real tables for the rest
 * of the caller's transaction. The temporary task table keeps its terms through V31's trigger function, which finds
 * the temporary {@code task_term} first: on insert and on truncate.
 */
final class TemporaryTaskTables {

    private TemporaryTaskTables() {
    }

    /** Call inside a transaction. */
    static void create(JdbcClient jdbc) {
        jdbc.sql("create temporary table task (like public.task including all) on commit drop").update();
        jdbc.sql("create temporary table task_term (like public.task_term including all) on commit drop").update();
        jdbc.sql("create trigger task_term_on_insert after insert on pg_temp.task "
                + "for each row execute function task_term_sync()").update();
        jdbc.sql("create trigger task_term_on_truncate after truncate on pg_temp.task "
                + "for each statement execute function task_term_sync()").update();
    }
}
