package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code .mvn/find-jdk.sh}, the one JDK search, and the scripts an operator calls that rely on it
 * ({@code mvnw}, {@code run.sh}, {@code .ci/run}, {@code bench/lib.sh}, {@code deploy/local/topology.sh}) with this
 * machine's sh and bash, a crafted PATH and fake JDKs: tiny scripts that print a {@code java -version} banner.
 */
class FindJdkScriptTest {

    private static final Path ROOT = Chart.REPOSITORY;
    private static final List<String> TOOLS = List.of("sh", "bash", "sed", "cut", "tr", "sort", "dirname",
            "basename", "uname", "cat", "head", "grep", "mkdir");

    @TempDir
    Path dir;
    private Path project;
    private Path tools;
    private Path jdks;

    @BeforeEach
    void copyScripts() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/bin/bash")),
                "needs sh and bash");
        project = dir.resolve("project");
        for (String script : List.of(".mvn/find-jdk.sh", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "run.sh",
                ".ci/run", "bench/lib.sh", "deploy/local/topology.sh")) {
            Files.createDirectories(project.resolve(script).getParent());
            Files.copy(ROOT.resolve(script), project.resolve(script));
        }
        tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + tool));
            script(tools.resolve(tool), "exec " + found + " \"$@\"");
        }
        jdks = Files.createDirectories(dir.resolve("jvm"));
    }

    @Test
    void picksTheNewestJdk21OrLaterOverThePathsJava17() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        fakeJdk(jdks, "jdk-21.0.2", "21.0.2");
        Path newest = fakeJdk(jdks, "jdk-21.0.10", "21.0.10");

        Result result = findJdk(Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo(newest + "\n");
    }

    @Test
    void honoursAJavaHomeOf21OrLater() throws Exception {
        Path home = fakeJdk(dir, "own-21", "21");
        fakeJdk(jdks, "jdk-25", "25.0.1");

        Result result = findJdk(Map.of("JAVA_HOME", home.toString(), "PATH", tools.toString()));

        assertThat(result.stdout()).isEqualTo(home + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void skipsAJavaHomeOlderThan21WithANote() throws Exception {
        Path old = fakeJdk(dir, "own-17", "17.0.15");
        Path jdk25 = fakeJdk(jdks, "jdk-25", "25.0.1");

        Result result = findJdk(Map.of("JAVA_HOME", old.toString(), "PATH", tools.toString()));

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).isEqualTo(jdk25 + "\n");
        assertThat(result.stderr()).contains("JAVA_HOME=" + old + " is not a JDK 21 or newer");
    }

    @Test
    void takesTheJavaOnThePathWhenItIs21OrLater() throws Exception {
        Path onPath = fakeJdk(dir, "path-22", "22.0.1");
        fakeJdk(jdks, "jdk-25", "25.0.1");

        Result result = findJdk(Map.of("PATH", onPath.resolve("bin") + ":" + tools));

        assertThat(result.stdout()).isEqualTo(onPath + "\n");
    }

    @Test
    void skipsARuntimeWithoutJavac() throws Exception {
        Path jre = fakeJdk(jdks, "jre-25", "25.0.1");
        Files.delete(jre.resolve("bin/javac"));
        Path jdk21 = fakeJdk(jdks, "jdk-21", "21.0.5");

        assertThat(findJdk(Map.of("PATH", tools.toString())).stdout()).isEqualTo(jdk21 + "\n");
    }

    @Test
    void failsWithOneLineSayingWhatToInstallWhenThereIsNoJdk21() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        fakeJdk(jdks, "java-8", "1.8.0_392");

        Result result = findJdk(Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("Taskstream needs a JDK 21 or newer and found none").contains("install one");
    }

    @Test
    void mavenWrapperRunsMavenWithTheJdkFoundWhenJavaHomeIsUnset() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        Path jdk21 = fakeJdk(jdks, "jdk-21", "21.0.5");
        fakeMavenDistribution();

        Result result = run(List.of("/bin/sh", project.resolve("mvnw").toString(), "-q", "verify"),
                Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo("maven on " + jdk21 + " with -q verify\n");
    }

    @Test
    void mavenWrapperStopsWithTheLineWhenThereIsNoJdk21() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        fakeMavenDistribution();

        Result result = run(List.of("/bin/sh", project.resolve("mvnw").toString(), "verify"),
                Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("Taskstream needs a JDK 21 or newer");
    }

    @Test
    void runShBuildsAndStartsTheJarWithTheJdkFound() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        Path jdk21 = fakeJdk(jdks, "jdk-21", "21.0.5");
        script(project.resolve("mvnw"), "echo \"mvnw on $JAVA_HOME with $*\"");

        Result result = run(List.of("/bin/bash", project.resolve("run.sh").toString(), "--server.port=18111"),
                Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo("mvnw on " + jdk21 + " with -B -q -DskipTests package\n"
                + "java 21.0.5 with -jar app/target/taskstream.jar --server.port=18111\n");
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommandAndLetsTheWrapperPickTheJdk() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "otherwise .ci/run installs chromium");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")) && Files.isExecutable(Path.of("/usr/bin/promtool")),
                "otherwise .ci/run installs prometheus");
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        Path jdk21 = fakeJdk(jdks, "jdk-21", "21.0.5");
        script(project.resolve("mvnw"), "echo \"mvnw with JAVA_HOME=${JAVA_HOME:-} $*\"");

        Result result = run(List.of("/bin/bash", project.resolve(".ci/run").toString()),
                Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo("Building with the JDK at " + jdk21 + "\n"
                + "mvnw with JAVA_HOME= -B -ntp verify\n");
    }

    @Test
    void benchmarksPutTheJdkFoundFirstOnThePath() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        Path jdk21 = fakeJdk(jdks, "jdk-21", "21.0.5");

        Result result = run(List.of("/bin/bash", "-c",
                "source '" + project.resolve("bench/lib.sh") + "'; select_jdk; echo \"$JAVA_HOME\"; java -x"),
                Map.of("PATH", java17.resolve("bin") + ":" + tools));

        assertThat(result.stdout()).isEqualTo(jdk21 + "\njava 21.0.5 with -x\n");
    }

    @Test
    void topologyStopsWithTheLineWhenThereIsNoJdk21() throws Exception {
        Path java17 = fakeJdk(jdks, "java-17", "17.0.15");
        Map<String, String> env = Map.of("PATH", java17.resolve("bin") + ":" + tools,
                "TOPOLOGY_JAR", dir.resolve("missing.jar").toString(), "TOPOLOGY_WORK", dir.resolve("work").toString());
        List<String> up = List.of("/bin/bash", project.resolve("deploy/local/topology.sh").toString(), "up");

        Result without = run(up, env);
        fakeJdk(jdks, "jdk-21", "21.0.5");
        Result with = run(up, env);

        assertThat(without.stderr()).startsWith("Taskstream needs a JDK 21 or newer");
        assertThat(with.stderr()).startsWith("topology: no " + dir.resolve("missing.jar"));
    }

    @Test
    void noOtherScriptLooksForAJdkItself() throws IOException {
        List<Path> scripts = new ArrayList<>(List.of(ROOT.resolve("mvnw"), ROOT.resolve(".ci/run")));
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return Set.of("node_modules", "target", "work", ".git", ".mvn")
                        .contains(String.valueOf(directory.getFileName())) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".sh")) {
                    scripts.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });

        assertThat(scripts).hasSizeGreaterThan(5).allSatisfy(script -> assertThat(Files.readString(script))
                .as(ROOT.relativize(script).toString())
                .doesNotContain("/usr/lib/jvm", "temurin-", "(2[1-9]|"));
        assertThat(Files.readString(ROOT.resolve("mvnw")))
                .as("the wrapper's hook (re-add it after upgrading the wrapper)")
                .contains("JAVA_HOME=\"$(sh \"$(dirname \"$0\")/.mvn/find-jdk.sh\")\" || exit 1");
    }

    /** A JDK whose java prints the banner of {@code version} (and its java.home), or its arguments. */
    private Path fakeJdk(Path parent, String name, String version) throws IOException {
        Path home = parent.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        script(home.resolve("bin/java"), """
                case "$1" in
                  -version) echo 'openjdk version "%1$s" 2025-01-21' >&2 ;;
                  -XshowSettings:properties) echo '    java.home = %2$s' >&2; echo 'openjdk version "%1$s"' >&2 ;;
                  *) echo "java %1$s with $*" ;;
                esac""".formatted(version, home));
        script(home.resolve("bin/javac"), "exit 0");
        return home;
    }

    /** What the wrapper runs once it has downloaded Maven: prints the JDK it was given. */
    private void fakeMavenDistribution() throws IOException {
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(project.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        String url = wrapper.getProperty("distributionUrl").trim();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\.zip$", "").replaceFirst("-bin$", "");
        Path mvn = dir.resolve("m2/wrapper/dists").resolve(name).resolve(Integer.toHexString(url.hashCode()))
                .resolve("bin/mvn");
        Files.createDirectories(mvn.getParent());
        script(mvn, "echo \"maven on $JAVA_HOME with $*\"");
    }

    private static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result findJdk(Map<String, String> env) throws Exception {
        return run(List.of("/bin/sh", project.resolve(".mvn/find-jdk.sh").toString()), env);
    }

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(new HashMap<>(Map.of("HOME", dir.resolve("home").toString(),
                "MAVEN_USER_HOME", dir.resolve("m2").toString(), "TASKSTREAM_JDK_DIRS", jdks.toString())));
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exit, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
