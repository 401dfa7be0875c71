package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's API types are generated from a committed copy of the OpenAPI document
 * ({@code app/src/test/resources/openapi.json}); this keeps that copy equal to what the server serves.
 * After an intended API change, refresh it with {@code ./mvnw verify -Dopenapi.update=true}.
 */
class OpenApiSnapshotIT extends ApiIT {

    private static final Path SNAPSHOT = Path.of("src/test/resources/openapi.json");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theCommittedOpenApiDocumentMatchesTheServedOne() throws IOException {
        var response = api.get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        ObjectNode served = (ObjectNode) response.json();
        assertThat(served.path("openapi").asString()).startsWith("3.");
        served.remove("servers");
        String current = PRETTY.writeValueAsString(served) + "\n";

        if (Boolean.getBoolean("openapi.update") || !Files.exists(SNAPSHOT)) {
            Files.writeString(SNAPSHOT, current);
        }

        assertThat(Files.readString(SNAPSHOT))
                .as("openapi.json is stale: run ./mvnw verify -Dopenapi.update=true and commit it")
                .isEqualTo(current);
    }
}
