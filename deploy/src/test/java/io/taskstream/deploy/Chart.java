package io.taskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The Taskstream Helm chart, linted and rendered by the Helm library bundled in helm-java (no cluster, no binary). */
final class Chart {

    static final Path DEPLOY_DIR = locateDeployDir();
    /** The repository's root, above deploy/. */
    static final Path REPOSITORY = DEPLOY_DIR.getParent();
    static final Path DIR = DEPLOY_DIR.resolve("helm/taskstream");
    static final String RELEASE = "ts";
    static final String NAMESPACE = "taskstream";
    /** Helm's offline default (1.20) predates the chart's kubeVersion floor. */
    static final String KUBE_VERSION = "1.31.0";

    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<Variant, List<JsonNode>> RENDERS = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** The rendered documents of a variant (cached: rendering is deterministic). */
    static List<JsonNode> render(Variant variant) {
        return RENDERS.computeIfAbsent(variant, v -> documents(template(v)));
    }

    /**
     * The {@code helm test} hooks of a variant. helm-java's template leaves hooks out, so they are rendered
     * from a copy of the chart whose test templates have their hook annotation renamed to
     * {@value #RENAMED_HOOK} (a test asserts the original annotation separately).
     */
    static List<JsonNode> renderTestHooks(Variant variant) {
        try {
            Path copy = Files.createTempDirectory("taskstream-chart-");
            try {
                copyTree(DIR, copy);
                try (Stream<Path> tests = Files.list(copy.resolve("templates/tests"))) {
                    for (Path test : (Iterable<Path>) tests::iterator) {
                        Files.writeString(test, Files.readString(test).replace("helm.sh/hook:", RENAMED_HOOK + ":"));
                    }
                }
                return documents(template(copy, variant)).stream()
                        .filter(d -> d.path("metadata").path("annotations").has(RENAMED_HOOK))
                        .toList();
            } finally {
                deleteTree(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String RENAMED_HOOK = "rendered-for-test/hook";

    static String template(Variant variant) {
        return template(DIR, variant);
    }

    /** A variant rendered as the release {@code release} (names follow the release's name). */
    static List<JsonNode> renderAs(String release, Variant variant) {
        return documents(template(DIR, variant, release));
    }

    private static String template(Path chart, Variant variant) {
        return template(chart, variant, RELEASE);
    }

    private static String template(Path chart, Variant variant, String release) {
        TemplateCommand command = new Helm(chart).template().withName(release).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (variant.valuesFile() != null) {
            command = command.withValuesFile(DIR.resolve(variant.valuesFile()));
        }
        for (Map.Entry<String, String> set : variant.sets().entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /**
     * Lints the chart with a variant's values. helm-java's lint takes no values files, so the chart is
     * copied with its values.yaml replaced by the merge Helm itself would compute (defaults, file, --set).
     */
    static LintResult lint(Variant variant) {
        try {
            Path copy = Files.createTempDirectory("taskstream-chart-");
            try {
                copyTree(DIR, copy);
                Files.writeString(copy.resolve("values.yaml"), YAML.writeValueAsString(values(variant)));
                return new Helm(copy).lint().strict().call();
            } finally {
                deleteTree(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values a variant installs with: values.yaml, overlaid by its file, then by its --set overrides. */
    static ObjectNode values(Variant variant) throws IOException {
        ObjectNode values = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
        if (variant.valuesFile() != null) {
            merge(values, (ObjectNode) YAML.readTree(DIR.resolve(variant.valuesFile()).toFile()));
        }
        for (Map.Entry<String, String> set : variant.sets().entrySet()) {
            String[] path = set.getKey().split("\\.");
            ObjectNode node = values;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            String value = set.getValue();
            if (value.equals("true") || value.equals("false")) {
                node.put(path[path.length - 1], Boolean.parseBoolean(value));
            } else {
                node.put(path[path.length - 1], value);
            }
        }
        return values;
    }

    /** Helm's coalescing: maps merge key by key, anything else is replaced. */
    private static void merge(ObjectNode target, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
                merge(existingObject, overlayObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateDeployDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(here, here.resolve("deploy"))) {
            if (Files.isDirectory(candidate.resolve("helm/taskstream"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from the repository root or deploy/: no helm/taskstream under " + here);
    }

    /** Follows links: the copy holds the files the chart reads through monitoring/ (a link to deploy/monitoring). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
