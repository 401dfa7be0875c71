package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets never live in deploy/: the chart names existing Secrets and the keys inside them, and the plain
 * manifests reference Secrets. A credential-named key with a literal value anywhere is a failure.
 */
class NoSecretsInChartTest {

    /** A YAML key that names a credential, e.g. password:, jwtSecret:, api_key:, token:. */
    private static final Pattern CREDENTIAL_KEY =
            Pattern.compile("(?i)(password|passwd|secret|token|api[-_]?key|access[-_]?key|credentials?)");

    /** `key: literal` lines of templates and manifests. */
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:-\\s+)?([\\w.-]+)\\s*:\\s*(\\S.*?)\\s*$");

    @Test
    void valuesFilesNameSecretsButHoldNoCredential() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files(Chart.DIR, "values")) {
            collect(Chart.YAML.readTree(file.toFile()), file.getFileName().toString(), "", found);
        }

        assertThat(found).isEmpty();
    }

    @Test
    void templatesAndPlainManifestsHoldNoLiteralCredential() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(files(Chart.DIR.resolve("templates"), ""));
        files.addAll(files(Chart.DEPLOY_DIR.resolve("kafka"), ""));
        files.addAll(files(Chart.DEPLOY_DIR.resolve("dapr"), ""));
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = KEY_VALUE.matcher(lines.get(i));
                if (m.matches() && isCredentialKey(m.group(1)) && !isReference(m.group(2))) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }

        assertThat(files).hasSizeGreaterThan(10);
        assertThat(found).isEmpty();
    }

    @Test
    void detectorFlagsALiteralPasswordButNotASecretReference() throws IOException {
        List<String> found = new ArrayList<>();
        collect(Chart.YAML.readTree("""
                database:
                  password: hunter2hunter2
                  existingSecret: taskstream-database
                  keys:
                    password: password
                smtp:
                  apiKey: ""
                """), "example", "", found);

        assertThat(found).containsExactly("example: database.password");
        assertThat(isReference("{{ .Values.secrets.existingSecret }}")).isTrue();
        assertThat(isReference("s3cr3t-v4lue")).isFalse();
    }

    /**
     * A credential-named leaf must be empty, except under a `keys` map (names of keys in an existing Secret)
     * and `existingSecret`/`secretName`-like names (names of Secrets).
     */
    private static void collect(JsonNode node, String file, String path, List<String> found) {
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String here = path.isEmpty() ? key : path + "." + key;
            JsonNode value = field.getValue();
            if (value.isObject()) {
                if (!key.equals("keys")) {
                    collect(value, file, here, found);
                }
            } else if (value.isValueNode() && !value.asText().isEmpty() && isCredentialKey(key)) {
                found.add(file + ": " + here);
            }
        });
    }

    private static boolean isCredentialKey(String key) {
        String last = key.replaceAll("^.*[.]", "");
        return CREDENTIAL_KEY.matcher(last).find()
                && !last.matches("(?i).*(existing|name|ref|store|keys?|selector|provider|optional)$")
                && !last.matches("(?i)(secretKeyRef|secretName|secretStore|existingSecret)");
    }

    private static boolean isReference(String value) {
        String v = value.replaceAll("\\s+#.*$", "").trim();
        return v.isEmpty() || v.equals("\"\"") || v.equals("''") || v.equals("{}") || v.equals("[]")
                || v.equals("|") || v.startsWith("{{") || v.equals("null") || v.equals("~")
                || v.matches("true|false|\\d+"); // flags and numbers are not credentials
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|tpl|txt)$"))
                    .toList();
        }
    }
}
