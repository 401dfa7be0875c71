package io.taskstream.events;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections the relay works with. With a broker transport it gets a pool of its own (two
 * connections: its rounds and its LISTEN), so that a burst of requests holding the application's pool
 * cannot make it wait for a connection: in the events benchmark that wait was the largest stage of the
 * relay's tail. With the embedded transport it shares the application's pool, because each round then
 * runs the consumers' transactions nested in its own and they must suspend it cleanly.
 */
final class RelayDatabase implements AutoCloseable {

    static final int OWN_POOL_SIZE = 2;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final HikariDataSource own;

    private RelayDatabase(DataSource dataSource, PlatformTransactionManager transactions, HikariDataSource own) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.own = own;
    }

    /** The application's pool and transactions, shared. */
    static RelayDatabase shared(DataSource dataSource, PlatformTransactionManager transactions) {
        return new RelayDatabase(dataSource, transactions, null);
    }

    /** A small pool of the relay's own, configured like the application's (shared if that is not Hikari). */
    static RelayDatabase own(DataSource application, PlatformTransactionManager transactions) {
        if (!(application instanceof HikariDataSource hikari)) {
            return shared(application, transactions);
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName(hikari.getPoolName() + "-relay");
        config.setMaximumPoolSize(OWN_POOL_SIZE);
        config.setMinimumIdle(OWN_POOL_SIZE);
        HikariDataSource own = new HikariDataSource(config);
        return new RelayDatabase(own, new DataSourceTransactionManager(own), own);
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    TransactionTemplate tx() {
        return tx;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
