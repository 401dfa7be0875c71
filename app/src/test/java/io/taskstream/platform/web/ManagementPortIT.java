package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.platform.TaskstreamProperties;
import io.taskstream.support.ApiIT;
import io.taskstream.support.ConfiguredInstance;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With Actuator on a port of its own ({@code management.server.port}, as the Helm chart sets it), the probes and the
 * metrics answer there, with the same security and browser policies, and the app port serves no metrics.
 */
class ManagementPortIT extends ApiIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    TaskstreamProperties properties;

    @Test
    void probesAndMetricsAnswerOnTheManagementPortAndNotOnTheAppPort() {
        HttpApi management = new HttpApi(ConfiguredInstance.managementPort(dataSource, properties));
        HttpApi app = new HttpApi(ConfiguredInstance.port(dataSource, properties));

        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            Response answer = management.get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.body()).contains("\"UP\"");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Permissions-Policy")).isEqualTo(BrowserPolicyHeaders.PERMISSIONS_POLICY);
        }
        Response metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/env").status()).as("other endpoints stay closed").isIn(401, 403, 404);

        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
            Response answer = app.get(path);
            assertThat(answer.status()).as(path + " on the app port").isIn(401, 404);
            assertThat(answer.body()).doesNotContain("jvm_memory_used_bytes");
        }
        assertThat(app.signup().token()).as("the app port still serves the API").isNotBlank();
    }
}
