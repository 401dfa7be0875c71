package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.account.UserId;
import io.taskstream.support.ApiIT;
import io.taskstream.task.TaskQuery.Sort;
import io.taskstream.task.TaskQuery.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search reads its matches through an index even where the statistics make reading the whole table look as
 * cheap: one user owning all of it and a short prefix matching a quarter of it, as on a laptop install (at 100k tasks
 * that sequential scan took four times as long). A page by relevance reads the user's entries in {@code task_term};
 * one sorted by another column, the GIN index. Checked on temporary copies of both tables ({@link TemporaryTaskTables}).
 */
class TaskSearchPlanIT extends ApiIT {

    private static final int TASKS = 20_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TaskRepository tasks;

    @Test
    void aSearchReadsTheIndexWhenOneUserOwnsTheWholeTable() {
        UserId owner = new UserId(UUID.fromString(api.signup().userId()));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            TemporaryTaskTables.create(jdbc);
            jdbc.sql("insert into task (user_id, title, description, created_at, updated_at) "
                            + "select :user, case when i % 4 = 0 then 'Write the report' else 'Water the plants' end, "
                            + "'a few words of description', now(), now() from generate_series(1, :n) i")
                    .param("user", owner.value()).param("n", TASKS).update();
            jdbc.sql("analyze task").update();
            jdbc.sql("analyze task_term").update();
            assertThat(plan("select count(*) from task t, to_tsquery('english', 'rep:*') q "
                    + "where t.user_id = :user and t.search @@ q", owner))
                    .as("the plan the statistics lead to").contains("Seq Scan on task");
            long scansBefore = sequentialScans();

            TaskPage ranked = tasks.list(owner, search("rep", Sort.RELEVANCE), Instant.now(), ZoneOffset.UTC);
            TaskPage byDue = tasks.list(owner, search("rep", Sort.DUE), Instant.now(), ZoneOffset.UTC);

            assertThat(sequentialScans()).as("sequential scans of the task and task_term tables").isEqualTo(scansBefore);
            assertThat(ranked.total()).hasValue(TASKS / 4);
            assertThat(ranked.tasks()).hasSize(50).allSatisfy(t -> assertThat(t.title()).isEqualTo("Write the report"));
            assertThat(byDue.total()).hasValue(TASKS / 4);
            tx.setRollbackOnly();
        });
    }

    private static TaskQuery search(String text, Sort sort) {
        return new TaskQuery(Status.ALL, Set.of(), List.of(), text, null, null, false, sort, false, 0, 50);
    }

    private String plan(String sql, UserId user) {
        return String.join("\n", jdbc.sql("explain " + sql).param("user", user.value()).query(String.class).list());
    }

    /** Sequential scans of the temporary tables so far in this transaction. */
    private long sequentialScans() {
        return jdbc.sql("select pg_stat_get_xact_numscans('task'::regclass) + pg_stat_get_xact_numscans('task_term'::regclass)")
                .query(Long.class).single();
    }
}
