package io.taskstream;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default keeps its data: a second start on the same data directory finds the accounts and
 * tasks of the first, and the generated JWT secret too, so tokens issued before the restart still work.
 * And what it acknowledged is on disk.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.data-dir=" + dataDir);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void accountsTasksAndTokensSurviveARestart() {
        Session ann;
        long id;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            ann = api.signup("Europe/Berlin");
            Response created = api.as(ann).post(ann.tasks(), task("Survive the restart").tags("durable").json());
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asLong();
        }
        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);

            Response oldToken = api.as(ann).get(ann.task(id));
            Response login = api.login(ann.email(), HttpApi.PASSWORD);

            assertThat(oldToken.status()).as(oldToken.toString()).isEqualTo(200);
            assertThat(oldToken.json().get("title").asString()).isEqualTo("Survive the restart");
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            assertThat(login.json().get("userId").asString()).isEqualTo(ann.userId());
            Response list = api.withToken(login.json().get("token").asString()).get(ann.tasks());
            assertThat(list.ids()).containsExactly(id);
            assertThat(list.json().get(0).get("tags").get(0).asString()).isEqualTo("durable");
        }
    }

    @Test
    void embeddedDatabaseAnswersACommitOnlyOnceItIsOnDisk() {
        // The embedded server's library defaults to asynchronous commits, which lose the last acknowledged
        // changes in a crash.
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));

            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        }
    }
}
