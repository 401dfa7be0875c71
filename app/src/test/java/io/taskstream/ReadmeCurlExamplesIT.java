package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Try it with curl" block, run by bash as a reader would paste it, against the app: every line must be
 * valid bash and every request must succeed (curl is told to fail on an error status), on a database that is not
 * brand new (other tests' tasks hold the low ids).
 */
class ReadmeCurlExamplesIT extends ApiIT {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmesCurlExamplesRunAsWrittenAgainstTheApp(@TempDir Path dir) throws IOException, InterruptedException {
        String block = curlBlock(Files.readString(README));
        String email = "ann-" + UUID.randomUUID() + "@example.com";
        assertThat(block).contains("B=http://localhost:8080\n", "ann@example.com").doesNotContain("tasks/1");
        String script = """
                set -euo pipefail
                # as a reader's curl, but failing on an error status, from a client address of its own
                curl() { command curl --fail-with-body -H "X-Forwarded-For: %s" "$@"; }
                """.formatted(HttpApi.someClientAddress())
                + block.replace("B=http://localhost:8080\n", "B=" + api.baseUrl() + "\n").replace("ann@example.com", email)
                + "\necho; echo \"finished with task $ID\"\n";
        Session other = api.signup();
        assertThat(api.as(other).post(other.tasks(), TaskJson.task("Someone else's").json()).status())
                .as("a task that is not the reader's, so that theirs is not the first").isEqualTo(201);
        Path file = dir.resolve("readme.sh");
        Files.writeString(file, script);

        Process bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String output;
        try (var out = bash.getInputStream()) {
            assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("the block ends").isTrue();
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("\"title\":\"Pay rent\"").containsPattern("finished with task \\d+");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("the export's file").anyMatch(name -> name.startsWith("taskstream-export-"));
        }
        assertThat(api.login(email, "battery-staple").status()).as("the account was deleted at the end").isEqualTo(401);
    }

    /** The first bash block after the "Try it with curl" heading. */
    private static String curlBlock(String readme) {
        int section = readme.indexOf("## Try it with curl");
        assertThat(section).as("the README's curl section").isNotNegative();
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(section)).isTrue();
        return block.group(1);
    }
}
