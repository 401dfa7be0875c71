package io.taskstream.support;

import com.zaxxer.hikari.HikariDataSource;
import io.taskstream.TaskstreamApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another replica of the application in the same JVM, sharing the first one's PostgreSQL (and whatever
 * else the arguments say), as a second pod of the same Deployment would.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a replica on a random port using the given data source's database. */
    public static SecondInstance sharing(DataSource dataSource, String dataDir, String... extraArgs) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--taskstream.data-dir=" + dataDir,
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername()));
        args.addAll(List.of(extraArgs));
        return new SecondInstance(new SpringApplicationBuilder(TaskstreamApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
