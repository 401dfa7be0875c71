package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The relay is woken by PostgreSQL when another process commits outbox rows (the outbox trigger's
 * NOTIFY), not by its poll: here the poll is an hour apart. The application's own sessions on its embedded
 * database notify nobody: only this process uses that database, and it wakes its relay directly.
 */
@TestPropertySource(properties = "taskstream.events.relay.poll-interval=PT1H")
class RelayWakeUpIT extends ApiIT {

    private static final String COPY_AN_EVENT = "insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
            + "select e.id, topic, message_key, event_type, jsonb_set(payload::jsonb, '{id}', to_jsonb(e.id::text))::json, now() "
            + "from event_outbox, (select gen_random_uuid() as id) e "
            + "where topic = 'task-events' and message_key = ? limit 1";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anEventCommittedByAnotherProcessIsPublishedWithoutWaitingForThePoll() throws SQLException {
        Session ann = api.signup();
        long id = createId(ann, task("Written here"));
        Eventually.await(Duration.ofSeconds(30), () -> history(ann, id), n -> n == 1);

        // The same change as another replica would commit it: straight into the outbox on a session of its
        // own, with the database's default settings, and no local wake-up.
        try (Connection otherProcess = otherProcessConnection()) {
            copyAnEvent(otherProcess, ann.userId());
        }

        long unpublished = Eventually.await(Duration.ofSeconds(10), () -> jdbc.sql(
                        "select count(*) from event_outbox where message_key = :user and published_at is null")
                .param("user", ann.userId()).query(Long.class).single(), n -> n == 0);
        assertThat(unpublished).isZero();
        Eventually.await(Duration.ofSeconds(10), () -> history(ann, id), n -> n == 2);
    }

    @Test
    void onlyOutboxWritesOfOtherProcessesNotify() throws Exception {
        Session ann = api.signup();
        long id = createId(ann, task("Written here"));
        Eventually.await(Duration.ofSeconds(30), () -> history(ann, id), n -> n == 1);

        try (Connection listener = otherProcessConnection(); Connection otherProcess = otherProcessConnection();
                Connection thisProcess = dataSource.getConnection()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("listen " + OutboxNotifications.CHANNEL);
            }
            PGConnection notifications = listener.unwrap(PGConnection.class);

            copyAnEvent(thisProcess, ann.userId());
            assertThat(notifications.getNotifications(1000)).as("notified by this process's own write").isEmpty();

            copyAnEvent(otherProcess, ann.userId());
            assertThat(notifications.getNotifications(10_000)).as("notified by another process's write").hasSize(1);
        }
        Eventually.await(Duration.ofSeconds(10), () -> history(ann, id), n -> n == 3);
    }

    /** A session as another process would open it on this database: none of the application pool's settings. */
    private Connection otherProcessConnection() throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static void copyAnEvent(Connection connection, String user) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(COPY_AN_EVENT)) {
            insert.setString(1, user);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private int history(Session user, long id) {
        return api.as(user).get(user.task(id) + "/history").json().size();
    }
}
