package io.taskstream.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the relay when any process commits outbox rows: the outbox insert trigger sends
 * {@code NOTIFY taskstream_outbox} (delivered on commit), and this listens on a connection of its own.
 * Local commits also wake the relay directly ({@link OutboxRepository}); the relay's poll interval remains the
 * fallback while the listening connection is lost and being re-opened.
 */
class OutboxNotifications extends BackgroundLoop {

    static final String CHANNEL = "taskstream_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int WAIT_MILLIS = 1000;
    private static final Duration REOPEN_AFTER = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final RelaySignal signal;

    OutboxNotifications(DataSource dataSource, RelaySignal signal) {
        // Before the relay, so that no notification is missed between the relay's first round and LISTEN.
        super("outbox-listen", Duration.ofSeconds(5), Integer.MAX_VALUE - 1100);
        this.dataSource = dataSource;
        this.signal = signal;
    }

    @Override
    void loop() {
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                try {
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    // Rows committed while we were not listening: one round catches them up.
                    signal.wake();
                    while (running()) {
                        var notifications = pg.getNotifications(WAIT_MILLIS);
                        if (notifications != null && notifications.length > 0) {
                            signal.wake();
                        }
                    }
                } finally {
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    return;
                }
                log.warn("Outbox notifications lost ({}); the relay polls until they are back in {}", e.toString(), REOPEN_AFTER);
                try {
                    Thread.sleep(REOPEN_AFTER);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The connection goes back to the pool: it must not keep collecting notifications for its next user. */
    private static void unlisten(Connection connection) {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("unlisten *");
        } catch (SQLException e) {
            log.debug("Could not unlisten on a failed connection", e);
        }
    }
}
