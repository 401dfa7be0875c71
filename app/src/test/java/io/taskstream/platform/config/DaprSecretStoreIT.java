package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import io.taskstream.TaskstreamApplication;
import io.taskstream.support.ApiIT;
import io.taskstream.support.FakeDaprSidecar;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code TASKSTREAM_SECRETS_DAPR_STORE} set, the database URL and the token secret come from the Dapr
 * secret store (https://docs.dapr.io/reference/api/secrets_api/) instead of the environment: a second
 * instance configured only through the sidecar shares the first one's database and signs with the stored key.
 */
@ExtendWith(OutputCaptureExtension.class)
class DaprSecretStoreIT extends ApiIT {

    private static final String STORE = "taskstream-secretstore";
    private static final String JWT_SECRET = "dapr-stored-signing-key-" + UUID.randomUUID();

    @Autowired
    private DataSource dataSource;

    @Test
    void instanceConfiguredFromTheSecretStoreUsesItsDatabaseAndSigningKey(CapturedOutput output) throws Exception {
        try (FakeDaprSidecar sidecar = sidecarWithSecrets()) {
            sidecar.notReadyFor(3);
            try (ConfigurableApplicationContext instance = start(sidecar,
                    "DATABASE_URL=taskstream-database/url,SPRING_DATASOURCE_USERNAME=taskstream-database/username,"
                            + "TASKSTREAM_JWT_SECRET=taskstream-secrets/jwt-secret,"
                            + "TASKSTREAM_AI_API_KEY=taskstream-secrets/ai-api-key?",
                    "--DAPR_API_TOKEN=sidecar-token")) {
                HttpApi viaSecrets = new HttpApi(((WebServerApplicationContext) instance).getWebServer().getPort());
                Session ann = viaSecrets.signup();

                assertThat(SignedJWT.parse(ann.token()).verify(new MACVerifier(JWT_SECRET.getBytes(StandardCharsets.UTF_8))))
                        .as("token signed with the key read from the store").isTrue();
                assertThat(api.login(ann.email(), HttpApi.PASSWORD).status())
                        .as("the account is in the database named by the stored DATABASE_URL").isEqualTo(200);
                assertThat(sidecar.secretRequests()).as("each secret read once, with the Dapr API token")
                        .containsExactlyInAnyOrder(STORE + "/taskstream-database token=sidecar-token",
                                STORE + "/taskstream-secrets token=sidecar-token");
            }
        }
        assertThat(output).contains("from Dapr secret store").doesNotContain(JWT_SECRET);
    }

    @Test
    void missingRequiredSecretStopsTheStartNamingTheReferenceNotTheValues(CapturedOutput output) {
        try (FakeDaprSidecar sidecar = sidecarWithSecrets()) {
            assertThatThrownBy(() -> start(sidecar,
                    "TASKSTREAM_JWT_SECRET=taskstream-secrets/jwt-secret,DATABASE_URL=taskstream-database/no-such-key"))
                    .hasStackTraceContaining("taskstream-database/no-such-key");
        }
        assertThat(output).doesNotContain(JWT_SECRET);
    }

    private FakeDaprSidecar sidecarWithSecrets() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        FakeDaprSidecar sidecar = new FakeDaprSidecar();
        sidecar.secret(STORE, "taskstream-database", Map.of("url", hikari.getJdbcUrl(), "username", hikari.getUsername()));
        sidecar.secret(STORE, "taskstream-secrets", Map.of("jwt-secret", JWT_SECRET));
        return sidecar;
    }

    private static ConfigurableApplicationContext start(FakeDaprSidecar sidecar, String refs, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--taskstream.data-dir=target/it-data/" + UUID.randomUUID(),
                "--taskstream.secrets.dapr.store=" + STORE,
                "--taskstream.secrets.dapr.refs=" + refs,
                "--taskstream.secrets.dapr.wait=PT10S",
                "--taskstream.dapr.http-port=" + sidecar.port()));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(TaskstreamApplication.class).run(args.toArray(String[]::new));
    }
}
