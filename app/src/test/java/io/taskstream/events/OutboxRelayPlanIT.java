package io.taskstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay reads the outbox in the pending index's order whatever the planner's estimates say. Checked on a
 * temporary copy of the table (it hides the real one in this transaction) in the state of the events benchmark's
 * slow minute: analyzed while small and pending, then a burst published and not yet vacuumed.
 */
class OutboxRelayPlanIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theRelayReadsThePendingIndexInOrderWhateverThePlannerEstimates() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("create temporary table event_outbox (like public.event_outbox including all) on commit drop").update();
            append(20);
            jdbc.sql("analyze event_outbox").update();
            append(20_000);
            jdbc.sql("update event_outbox set published_at = now(), position = id").update();
            append(3);
            // Random reads priced high: whatever misleads the planner away from the index (in the events benchmark,
            // statistics of a small, mostly pending outbox), for this transaction only.
            jdbc.sql("select set_config('random_page_cost', '1000', true)").query(String.class).single();

            assertThat(readPlan()).as("the plan the statistics lead to").doesNotContain("Index Scan using event_outbox_id_idx");

            jdbc.sql(OutboxRelay.LOCK_AND_PLAN).param("key", 42L).query((rs, n) -> rs.getBoolean(1)).single();
            String plan = readPlan();

            assertThat(plan).contains("Index Scan using event_outbox_id_idx").doesNotContain("Seq Scan", "Bitmap", "Sort");
            tx.setRollbackOnly();
        });
    }

    private void append(int rows) {
        jdbc.sql("insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
                + "select gen_random_uuid(), 'task-events', 'k', 't', '{}', now() from generate_series(1, :rows)")
                .param("rows", rows).update();
    }

    /** The plan of the relay's read, one line per node ({@code event_outbox_id_idx}: the copy's pending index). */
    private String readPlan() {
        return String.join("\n", jdbc.sql("explain " + OutboxRelay.READ).param("limit", 500).query(String.class).list());
    }
}
