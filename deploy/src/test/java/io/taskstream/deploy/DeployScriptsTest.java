package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy/scripts/version.sh, deploy.sh, rollback.sh and install-argo-rollouts-plugin.sh with this machine's bash and a stand-in
 * {@code helm} (src/test/resources/stubs/helm) that records every call and keeps a release history the way
 * Helm does, and a stand-in {@code kubectl} with the Argo Rollouts plugin (stubs/kubectl), so the scripts' decisions
 * (which revision to go back to, what to wait for, when to stop) are exercised.
 */
class DeployScriptsTest {

    private static final Path SCRIPTS = Chart.DEPLOY_DIR.resolve("scripts");
    private static final String CHART = "oci://ghcr.io/acme/charts/taskstream";

    @TempDir
    Path dir;

    @BeforeEach
    void installStubHelm() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        try (InputStream stub = getClass().getResourceAsStream("/stubs/helm")) {
            Files.copy(stub, bin.resolve("helm"));
        }
        Files.setPosixFilePermissions(bin.resolve("helm"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream stub = getClass().getResourceAsStream("/stubs/kubectl")) {
            Files.copy(stub, bin.resolve("kubectl"));
        }
        Files.setPosixFilePermissions(bin.resolve("kubectl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    // version.sh

    @Test
    void aVersionTagGivesThatVersionToTheChartAndTheImage() throws Exception {
        Result result = run(Map.of(), "version.sh", "refs/tags/v1.4.2", "9f3c2a17d0e8b6c5a4f3e2d1c0b9a8f7e6d5c4b3");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().lines()).containsExactly("version=1.4.2", "image_tag=1.4.2", "channel=release");
    }

    @Test
    void aPreReleaseTagKeepsItsPreReleasePart() throws Exception {
        Result result = run(Map.of(), "version.sh", "refs/tags/v2.0.0-rc.1");

        assertThat(result.output().lines()).contains("version=2.0.0-rc.1", "image_tag=2.0.0-rc.1");
    }

    @Test
    void mainIsVersionedByItsShortCommitId() throws Exception {
        Result result = run(Map.of(), "version.sh", "refs/heads/main", "0123456789abcdef0123456789abcdef01234567");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().lines())
                .containsExactly("version=0.0.0-sha-0123456", "image_tag=sha-0123456", "channel=main");
    }

    @Test
    void mainWithoutACommitAsksGit() throws Exception {
        Path git = dir.resolve("bin/git");
        Files.writeString(git, "#!/bin/sh\necho \"$*\" >> \"$STUB_DIR/calls\"\necho abcdef0123456789abcdef0123456789abcdef01\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = run(Map.of(), "version.sh", "refs/heads/main");

        assertThat(result.output().lines()).contains("version=0.0.0-sha-abcdef0", "image_tag=sha-abcdef0");
        assertThat(calls()).containsExactly("rev-parse HEAD");
    }

    @Test
    void otherRefsAndBadTagsAreRefusedWithUsage() throws Exception {
        for (String ref : List.of("refs/heads/feature-x", "refs/pull/7/merge", "refs/tags/v1.2", "refs/tags/1.2.3",
                "refs/tags/v01.2.3")) {
            Result result = run(Map.of(), "version.sh", ref, "0123456789abcdef0123456789abcdef01234567");

            assertThat(result.exit()).as(ref).isEqualTo(2);
            assertThat(result.output()).as(ref).contains("usage:").doesNotContain("version=");
        }
        assertThat(run(Map.of(), "version.sh").exit()).isEqualTo(2);
    }

    // deploy.sh

    @Test
    void aFirstInstallUpgradesWithPinnedArgumentsThenRunsTheSmokeTest() throws Exception {
        Result result = deploy(Map.of(), "--", "--set", "image.repository=ghcr.io/acme/taskstream");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(calls()).filteredOn(c -> !c.startsWith("history") && !c.startsWith("version")).containsExactly(
                "upgrade taskstream " + CHART + " --install --version 1.4.2 --namespace taskstream-staging"
                        + " --create-namespace --wait --atomic --timeout 5m --history-max 10"
                        + " --set image.repository=ghcr.io/acme/taskstream",
                "test taskstream --namespace taskstream-staging --timeout 5m --logs");
        assertThat(result.output()).contains("first install", "revision 1 (1.4.2) is live in taskstream-staging");
    }

    @Test
    void helm4GetsItsNameForRollbackOnFailure() throws Exception {
        Result result = deploy(Map.of("STUB_HELM_VERSION", "v4.0.1"));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(calls()).anyMatch(c -> c.startsWith("upgrade ") && c.contains(" --rollback-on-failure ")
                && !c.contains("--atomic"));
    }

    @Test
    void aFailedSmokeTestRollsBackToTheRevisionDeployedBefore() throws Exception {
        history("1 superseded", "2 failed", "3 deployed");

        Result result = deploy(Map.of("STUB_TEST_EXIT", "1"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(calls()).contains("rollback taskstream 3 --namespace taskstream-staging --wait --timeout 5m");
        assertThat(calls().getLast()).startsWith("rollback ");
        assertThat(result.output()).contains("rolling taskstream in taskstream-staging back from revision 4 to 3");
        assertThat(Files.readAllLines(dir.resolve("history"))).last().isEqualTo("5 deployed");
    }

    @Test
    void aFailedFirstInstallHasNothingToRollBackTo() throws Exception {
        Result result = deploy(Map.of("STUB_TEST_EXIT", "1"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(calls()).noneMatch(c -> c.startsWith("rollback"));
        assertThat(result.output()).contains("nothing to roll back to");
    }

    @Test
    void anUpgradeHelmGaveUpOnStopsBeforeTheSmokeTest() throws Exception {
        history("1 deployed");

        Result result = deploy(Map.of("STUB_UPGRADE_EXIT", "1"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(calls()).noneMatch(c -> c.startsWith("test") || c.startsWith("rollback"));
    }

    @Test
    void aBlueGreenReleaseIsSmokeTestedOnlyOnceEachRolloutIsPromoted() throws Exception {
        history("1 deployed");

        Result result = deploy(Map.of("STUB_ROLLOUTS", "rollout.argoproj.io/taskstream-api rollout.argoproj.io/taskstream-admin"));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(kubectlCalls()).containsExactly(
                "get rollouts.argoproj.io --namespace taskstream-staging --selector app.kubernetes.io/instance=taskstream"
                        + " --output name",
                "argo rollouts version",
                "argo rollouts status taskstream-api --namespace taskstream-staging --timeout 5m",
                "argo rollouts status taskstream-admin --namespace taskstream-staging --timeout 5m");
        assertThat(Files.readAllLines(dir.resolve("order"))).filteredOn(c -> !c.equals("helm history") && !c.equals("helm version"))
                .containsExactly("helm upgrade", "kubectl get", "kubectl argo", "kubectl argo", "kubectl argo", "helm test");
        assertThat(result.output()).contains("waiting for the blue-green rollout taskstream-api to be promoted");
    }

    @Test
    void anAbortedRolloutRollsTheReleaseBackWithoutASmokeTest() throws Exception {
        history("1 superseded", "2 deployed");

        Result result = deploy(Map.of("STUB_ROLLOUTS", "rollout.argoproj.io/taskstream-api", "STUB_ROLLOUT_STATUS_EXIT", "1"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(calls()).noneMatch(c -> c.startsWith("test"))
                .contains("rollback taskstream 2 --namespace taskstream-staging --wait --timeout 5m");
        assertThat(result.output()).contains("rollout taskstream-api was aborted or not promoted in time: rolling taskstream"
                + " in taskstream-staging back from revision 3 to 2");
    }

    @Test
    void rolloutsThatCannotBeFollowedForWantOfThePluginFailTheDeploy() throws Exception {
        history("1 deployed");

        Result result = deploy(Map.of("STUB_ROLLOUTS", "rollout.argoproj.io/taskstream-api", "STUB_NO_ARGO_PLUGIN", "1"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("kubectl has no argo rollouts plugin");
        assertThat(calls()).noneMatch(c -> c.startsWith("test")).anyMatch(c -> c.startsWith("rollback taskstream 1 "));
    }

    @Test
    void withoutArgoRolloutsInstalledNothingIsAwaitedBeforeTheSmokeTest() throws Exception {
        history("1 deployed");

        Result result = deploy(Map.of("STUB_NO_ROLLOUTS_CRD", "1"));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(kubectlCalls()).singleElement().satisfies(c -> assertThat(c).startsWith("get rollouts.argoproj.io"));
        assertThat(calls()).anyMatch(c -> c.startsWith("test taskstream"));
    }

    @Test
    void deployWithoutItsRequiredArgumentsPrintsUsage() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("--environment", "staging", "--chart", CHART),
                List.of("--environment", "Staging!", "--chart", CHART, "--version", "1.0.0"),
                List.of("--environment", "staging", "--chart", CHART, "--version", "1.0.0", "--bogus"))) {
            List<String> command = new ArrayList<>(List.of("deploy.sh"));
            command.addAll(args);

            Result result = run(Map.of(), command.toArray(String[]::new));

            assertThat(result.exit()).as(args.toString()).isEqualTo(2);
            assertThat(result.output()).as(args.toString()).contains("usage:");
        }
        assertThat(Files.exists(dir.resolve("calls"))).as("helm was never called").isFalse();
    }

    // rollback.sh

    @Test
    void rollbackGoesToTheNewestGoodRevisionBeforeTheDeployedOneAndTestsIt() throws Exception {
        history("1 superseded", "2 superseded", "3 failed", "4 deployed");

        Result result = run(Map.of(), "rollback.sh", "--environment", "production", "--timeout", "3m");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(calls()).containsExactly(
                "history taskstream --namespace taskstream-production --max 50 --output json",
                "rollback taskstream 2 --namespace taskstream-production --wait --timeout 3m",
                "test taskstream --namespace taskstream-production --timeout 3m --logs");
    }

    @Test
    void rollbackToAChosenRevision() throws Exception {
        history("1 superseded", "2 superseded", "3 deployed");

        Result result = run(Map.of(), "rollback.sh", "--environment", "staging", "--revision", "1",
                "--namespace", "ts", "--release", "web");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(calls()).contains("rollback web 1 --namespace ts --wait --timeout 10m");
    }

    @Test
    void rollbackRefusesARevisionHelmDoesNotKeep() throws Exception {
        history("4 superseded", "5 deployed");

        Result result = run(Map.of(), "rollback.sh", "--environment", "staging", "--revision", "2");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("no revision 2", "kept: 4 5");
        assertThat(calls()).noneMatch(c -> c.startsWith("rollback"));
    }

    @Test
    void rollbackWithNothingEarlierFails() throws Exception {
        history("1 deployed");

        Result result = run(Map.of(), "rollback.sh", "--environment", "staging");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("no earlier good revision than 1");
        assertThat(calls()).noneMatch(c -> c.startsWith("rollback"));
    }

    @Test
    void rollbackThatFailsItsSmokeTestExitsNonZero() throws Exception {
        history("1 superseded", "2 deployed");

        Result result = run(Map.of("STUB_TEST_EXIT", "1"), "rollback.sh", "--environment", "staging");

        assertThat(result.exit()).isNotZero();
        assertThat(calls()).contains("rollback taskstream 1 --namespace taskstream-staging --wait --timeout 10m");
        assertThat(result.output()).doesNotContain("smoke test passed");
    }

    @Test
    void rollbackWithBadArgumentsPrintsUsage() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("--revision", "2"),
                List.of("--environment", "staging", "--revision", "two"), List.of("staging"))) {
            List<String> command = new ArrayList<>(List.of("rollback.sh"));
            command.addAll(args);

            Result result = run(Map.of(), command.toArray(String[]::new));

            assertThat(result.exit()).as(args.toString()).isEqualTo(2);
            assertThat(result.output()).as(args.toString()).contains("usage:");
        }
    }

    // install-argo-rollouts-plugin.sh

    @Test
    void thePluginIsInstalledWhenItsDownloadMatchesTheChecksum() throws Exception {
        byte[] plugin = "#!/bin/sh\necho kubectl-argo-rollouts\n".getBytes(StandardCharsets.UTF_8);
        try (Downloads downloads = new Downloads(plugin)) {
            Result result = run(downloads.env(sha256(plugin)), "install-argo-rollouts-plugin.sh", dir.resolve("tools").toString());

            assertThat(result.exit()).as(result.output()).isZero();
            Path installed = dir.resolve("tools/kubectl-argo-rollouts");
            assertThat(installed).isExecutable().hasBinaryContent(plugin);
            assertThat(downloads.paths()).singleElement().asString()
                    .matches("/v\\d+\\.\\d+\\.\\d+/kubectl-argo-rollouts-linux-(amd64|arm64)");
        }
    }

    @Test
    void aDownloadThatDiffersFromThePinnedChecksumIsRefusedAndNothingIsInstalled() throws Exception {
        try (Downloads downloads = new Downloads("tampered".getBytes(StandardCharsets.UTF_8))) {
            Map<String, String> env = new HashMap<>(downloads.env(null));
            Result result = run(env, "install-argo-rollouts-plugin.sh", dir.resolve("tools").toString());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).contains("does not match its pinned SHA-256");
            assertThat(dir.resolve("tools/kubectl-argo-rollouts")).doesNotExist();
        }
    }

    @Test
    void aFailedDownloadInstallsNothing() throws Exception {
        Result result = run(Map.of("ARGO_ROLLOUTS_DOWNLOAD_BASE", "http://127.0.0.1:9/releases"),
                "install-argo-rollouts-plugin.sh", dir.resolve("tools").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("cannot download");
        assertThat(dir.resolve("tools/kubectl-argo-rollouts")).doesNotExist();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The release's download address, served on loopback: answers every path with the same file and records it. */
    private static final class Downloads implements AutoCloseable {
        private final HttpServer server;
        private final List<String> paths = new CopyOnWriteArrayList<>();

        Downloads(byte[] file) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                paths.add(exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                exchange.close();
            });
            server.start();
        }

        /** The script's environment: this server as the download address, and the checksum to expect if given. */
        Map<String, String> env(String sha256) {
            Map<String, String> env = new HashMap<>();
            env.put("ARGO_ROLLOUTS_DOWNLOAD_BASE", "http://127.0.0.1:" + server.getAddress().getPort());
            if (sha256 != null) {
                env.put("ARGO_ROLLOUTS_SHA256", sha256);
            }
            return env;
        }

        List<String> paths() {
            return paths;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Result deploy(Map<String, String> env, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("deploy.sh", "--environment", "staging", "--chart", CHART,
                "--version", "1.4.2", "--timeout", "5m"));
        command.addAll(List.of(more));
        return run(env, command.toArray(String[]::new));
    }

    private void history(String... revisions) throws IOException {
        Files.write(dir.resolve("history"), List.of(revisions));
    }

    private List<String> kubectlCalls() throws IOException {
        Path calls = dir.resolve("kubectl-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private Result run(Map<String, String> env, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(SCRIPTS.resolve(command[0]).toString()));
        args.addAll(List.of(command).subList(1, command.length));
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(args).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("STUB_DIR", dir.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private record Result(int exit, String output) {
    }
}
