package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What actionlint does not check: pinned actions, least privilege, and the scripts the workflows run. */
class WorkflowRulesTest {

    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@[0-9a-f]{40}");
    private static final Pattern VERSION_COMMENT = Pattern.compile("\\s+# v\\d+\\.\\d+\\.\\d+");
    /** Files of the repository a run step names: scripts, the wrapper, chart files. */
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("(?<![\\w/.$-])(?:\\./)?((?:\\.ci|\\.mvn|deploy)/[\\w./-]*\\w|mvnw)(?![\\w/])");

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyThirdPartyActionIsPinnedToAFullCommitWithItsVersionBeside() throws IOException {
        List<String> unpinned = new ArrayList<>();
        int actions = 0;
        for (Path file : Workflows.files()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher uses = USES.matcher(lines.get(i));
                if (!uses.matches() || uses.group(1).startsWith("./")) {
                    continue;
                }
                actions++;
                if (!PINNED.matcher(uses.group(1)).matches() || !VERSION_COMMENT.matcher(uses.group(2)).lookingAt()) {
                    unpinned.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }

        assertThat(actions).isPositive();
        assertThat(unpinned).as("actions not pinned as owner/repo@<40 hex> # vX.Y.Z").isEmpty();
    }

    @Test
    void workflowsGrantNothingByDefaultAndEveryJobNamesItsPermissions() throws IOException {
        for (Path file : Workflows.files()) {
            JsonNode workflow = YAML.readTree(file.toFile());

            assertThat(workflow.path("permissions").isObject() && workflow.path("permissions").isEmpty())
                    .as(file.getFileName() + " sets permissions: {}").isTrue();
            workflow.path("jobs").properties().forEach(job ->
                    assertThat(job.getValue().path("permissions").isObject())
                            .as(file.getFileName() + " job " + job.getKey() + " names its permissions").isTrue());
        }
    }

    @Test
    void codeFromAPullRequestNeverRunsWithAWriteToken() throws IOException {
        for (Path file : Workflows.files()) {
            JsonNode workflow = YAML.readTree(file.toFile());
            JsonNode on = workflow.path("on");

            assertThat(on.has("pull_request_target") || on.has("workflow_run"))
                    .as(file.getFileName() + " runs no privileged trigger").isFalse();
            if (on.has("pull_request")) {
                workflow.path("jobs").properties().forEach(job -> job.getValue().path("permissions").properties()
                        .forEach(p -> assertThat(p.getValue().asText().equals("write")
                                        && !p.getKey().equals("security-events"))
                                .as(file.getFileName() + " job " + job.getKey() + " writes " + p.getKey()).isFalse()));
            }
        }
    }

    @Test
    void everyRepositoryFileAWorkflowRunsExistsAndScriptsAreExecutable() throws IOException {
        Map<String, String> missing = new TreeMap<>();
        Set<String> named = new java.util.TreeSet<>();
        for (Path file : Workflows.files()) {
            for (JsonNode run : YAML.readTree(file.toFile()).findValues("run")) {
                Matcher path = REPOSITORY_PATH.matcher(run.asText());
                while (path.find()) {
                    String name = path.group(1);
                    named.add(name);
                    Path target = Workflows.REPOSITORY.resolve(name);
                    boolean script = name.equals("mvnw") || name.startsWith(".ci/") || name.endsWith(".sh");
                    if (!Files.exists(target)) {
                        missing.put(name, file.getFileName() + ": no such file");
                    } else if (script && !Files.isExecutable(target)) {
                        missing.put(name, file.getFileName() + ": not executable");
                    }
                }
            }
        }

        assertThat(named).contains(".ci/run", "mvnw", "deploy/scripts/version.sh", "deploy/scripts/deploy.sh",
                "deploy/scripts/rollback.sh");
        assertThat(missing).isEmpty();
    }

    @Test
    void ciRunsTheReadmesTestCommandThroughCiRunAndCancelsSupersededRuns() throws IOException {
        JsonNode ci = YAML.readTree(Workflows.DIR.resolve("ci.yml").toFile());

        assertThat(ci.findValues("run")).extracting(JsonNode::asText).contains(".ci/run");
        assertThat(Files.readString(Workflows.REPOSITORY.resolve(".ci/run"))).contains("\n./mvnw -B -ntp verify\n");
        assertThat(Files.readString(Workflows.REPOSITORY.resolve("README.md"))).contains("./mvnw -B -ntp verify");
        assertThat(ci.path("concurrency").path("cancel-in-progress").asBoolean()).isTrue();
        assertThat(ci.path("on").has("pull_request")).isTrue();
        assertThat(ci.path("on").path("push").path("branches").toString()).contains("main");
    }

    @Test
    void deploysAndRollbacksOfOneEnvironmentWaitForEachOther() throws IOException {
        for (String name : List.of("deploy.yml", "rollback.yml")) {
            JsonNode job = YAML.readTree(Workflows.DIR.resolve(name).toFile()).path("jobs").elements().next();

            assertThat(job.path("environment").asText()).as(name).isEqualTo("${{ inputs.environment }}");
            assertThat(job.path("concurrency").path("group").asText()).as(name)
                    .isEqualTo("environment-${{ inputs.environment }}");
            assertThat(job.path("concurrency").path("cancel-in-progress").asBoolean()).as(name).isFalse();
        }
    }

    @Test
    void mainGoesToStagingAndVersionTagsToProduction() throws IOException {
        JsonNode jobs = YAML.readTree(Workflows.DIR.resolve("release.yml").toFile()).path("jobs");

        for (Map.Entry<String, String> e : Map.of("staging", "main", "production", "release").entrySet()) {
            JsonNode job = jobs.path(e.getKey());
            assertThat(job.path("uses").asText()).isEqualTo("./.github/workflows/deploy.yml");
            assertThat(job.path("with").path("environment").asText()).isEqualTo(e.getKey());
            assertThat(job.path("if").asText()).isEqualTo("needs.version.outputs.channel == '" + e.getValue() + "'");
        }
    }
}
