package io.taskstream.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskstream.platform.TaskstreamProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no datasource URL configured, the application starts a real PostgreSQL
 * of its own whose files live under {@code <data-dir>/postgres}, so a second start finds the same data.
 * The server stops with the application context, last: the pool depends on it, and everything using the
 * database depends on the pool, so they stop before it. (PostgreSQL runs in a session of its own, started by
 * {@code pg_ctl}, so Ctrl-C in the terminal reaches only this JVM.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("taskstream.database.embedded")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String OUTBOX_NOTIFY = "taskstream.outbox_notify";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(TaskstreamProperties properties) {
        Path dir = properties.embeddedDatabaseDir();
        try {
            EmbeddedPostgres postgres = StandalonePostgres.start(dir, 0, 100);
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("taskstream-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        // This process is the only one using this database, and it wakes its own outbox relay directly: its
        // outbox writes need not NOTIFY other processes (which serializes commits; see V29__outbox_notify_optional).
        config.addDataSourceProperty("options", "-c " + OUTBOX_NOTIFY + "=off");
        return new HikariDataSource(config);
    }
}
