package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web page's text boxes stop where the server would refuse the text ({@code web/src/lib/limits.ts}): a box
 * that let more through would send text only to have it refused, and one that stopped sooner would refuse what the
 * server takes. The server's limits are read from the committed OpenAPI document, which {@code OpenApiSnapshotIT}
 * keeps equal to the running API.
 */
class WebInputLimitsTest {

    private static final Path LIMITS = Path.of("..", "web", "src", "lib", "limits.ts");
    private static final Path OPENAPI = Path.of("src", "test", "resources", "openapi.json");

    @Test
    void theWebPagesTextLimitsAreTheServersLimits() throws IOException {
        String limits = Files.readString(LIMITS);
        JsonNode schemas = JsonMapper.builder().build().readTree(Files.readString(OPENAPI)).get("components").get("schemas");

        assertThat(constant(limits, "TITLE_MAX")).isEqualTo(TaskRules.MAX_TITLE)
                .isEqualTo(schemas.get("TaskInput").get("properties").get("title").get("maxLength").asInt());
        assertThat(constant(limits, "DESCRIPTION_MAX")).isEqualTo(TaskRules.MAX_DESCRIPTION)
                .isEqualTo(schemas.get("TaskInput").get("properties").get("description").get("maxLength").asInt());
        assertThat(constant(limits, "QUICK_ADD_MAX"))
                .isEqualTo(schemas.get("ParseRequest").get("properties").get("text").get("maxLength").asInt());
    }

    private static int constant(String source, String name) {
        Matcher m = Pattern.compile("export const " + name + " = (\\d+);").matcher(source);
        assertThat(m.find()).as(name + " in " + LIMITS).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
