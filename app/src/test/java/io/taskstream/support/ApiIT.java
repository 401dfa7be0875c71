package io.taskstream.support;

import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: the whole application on a random port with its own embedded
 * PostgreSQL (one per test JVM: every subclass shares the context), driven over real HTTP.
 * Tests isolate themselves by signing up fresh users.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "taskstream.data-dir=target/it-data/${random.uuid}")
public abstract class ApiIT {

    @LocalServerPort
    protected int port;

    protected HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    protected Response create(Session user, TaskJson task) {
        Response response = api.as(user).post(user.tasks(), task.json());
        if (response.status() != 201) {
            throw new IllegalStateException("create failed: " + response);
        }
        return response;
    }

    protected long createId(Session user, TaskJson task) {
        return create(user, task).json().get("id").asLong();
    }

    /** The task as its owner sees it now. */
    protected JsonNode fetch(Session user, long id) {
        Response response = api.as(user).get(user.task(id));
        if (response.status() != 200) {
            throw new IllegalStateException("get failed: " + response);
        }
        return response.json();
    }

    /** The owner's list with these query parameters, which must succeed. */
    protected Response list(Session user, QueryString query) {
        Response response = api.as(user).get(user.tasks(query));
        if (response.status() != 200) {
            throw new IllegalStateException("list failed: " + response);
        }
        return response;
    }
}
