package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/configuration.md}, the reference of every setting, is rendered from where the settings live, and this test
 * fails when it differs: a setting added, renamed or changed without the reference following. Regenerate it with
 * {@code ./mvnw -pl app test -DskipWeb -Dtest=ConfigurationReferenceTest -Dconfiguration.update=true} (or any build
 * with {@code -Dconfiguration.update=true}) and commit it.
 *
 * <p>The sources, each setting in one of them only:
 * <ul>
 *   <li>Taskstream's settings: the configuration metadata written at compile time from the properties records and
 *       their javadoc {@code @param}s ({@code @DefaultValue} gives the default), plus
 *       {@code META-INF/additional-spring-configuration-metadata.json} for the few read before binding and for former
 *       names. A setting without a description fails here.</li>
 *   <li>Spring's and the libraries' settings that Taskstream changes: {@code application.yaml}, the value and the
 *       comment above it (or on an enclosing key), which says why. A value without such a comment fails here.</li>
 *   <li>Environment variables read under other names: {@link #ALIASES}, checked against the names
 *       {@link TaskstreamEnvironmentPostProcessor} reads.</li>
 * </ul>
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("../docs/configuration.md");
    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");
    private static final Path ALIASES_SOURCE =
            Path.of("src/main/java/io/taskstream/platform/config/TaskstreamEnvironmentPostProcessor.java");

    /** An environment variable that is not the relaxed name of the setting it sets. */
    record Alias(String variable, String property, String meaning) {
    }

    static final List<Alias> ALIASES = List.of(
            new Alias("DATABASE_URL", "spring.datasource.url, .username, .password",
                    "a platform-style `postgresql://user:pass@host:5432/db?sslmode=require` (or a `jdbc:` URL), unless "
                            + "`spring.datasource.url` is set: an external PostgreSQL with a UTF-8 database whose user may "
                            + "`create extension btree_gin` or finds it installed"),
            new Alias("TASKSTREAM_JWT_SECRET", "taskstream.auth.jwt-secret", "HMAC secret of access tokens (≥ 32 bytes)"),
            new Alias("BETTER_AUTH_SECRET", "taskstream.auth.jwt-secret", "the same, when `TASKSTREAM_JWT_SECRET` is not set"),
            new Alias("TASKSTREAM_OIDC_ISSUER_URI", "taskstream.auth.oidc-issuer-uri", "external OpenID Connect issuer"),
            new Alias("TASKSTREAM_OIDC_AUDIENCE", "taskstream.auth.oidc-audience", "its required `aud`"),
            new Alias("KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers",
                    "Kafka brokers, with the `kafka` transport (Spring's default: `localhost:9092`)"),
            new Alias("OPENAI_API_KEY", "taskstream.ai.api-key", "the chat model's key"),
            new Alias("DAPR_HTTP_PORT", "taskstream.dapr.http-port", "set by Dapr in the pod"),
            new Alias("APP_API_TOKEN", "taskstream.dapr.app-api-token",
                    "the token the sidecar sends to the app (Dapr's own name for it)"),
            new Alias("DAPR_API_TOKEN", "taskstream.dapr.api-token", "the sidecar's API token (Dapr's own name for it)"));

    /** Spring settings Taskstream leaves at Spring's defaults but that a deployment commonly sets. */
    static final Map<String, String> SPRING_SETTINGS = linked(
            "server.port", "HTTP port (Spring's default: 8080)",
            "spring.datasource.url", "external PostgreSQL (`jdbc:postgresql://…`); see also `DATABASE_URL`",
            "spring.mail.host", "SMTP server of notification emails; unset, no email is sent",
            "management.server.port", "a port of its own for `/actuator` (health probes, metrics)",
            "management.tracing.sampling.probability", "share of traces recorded when tracing is on (Spring's default: 0.1); "
                    + "see docs/tracing.md",
            "management.opentelemetry.tracing.export.otlp.endpoint",
            "OTLP/HTTP collector of spans, e.g. `http://otel-collector:4318/v1/traces`",
            "logging.structured.format.console", "`ecs` or `logstash` for JSON logs (plain text by default)");

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void theReferenceIsUpToDate() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean("configuration.update") || !Files.exists(REFERENCE)) {
            Files.writeString(REFERENCE, rendered);
        }
        assertThat(Files.readString(REFERENCE))
                .as("docs/configuration.md is stale: run ./mvnw -pl app test -DskipWeb -Dtest=ConfigurationReferenceTest "
                        + "-Dconfiguration.update=true and commit it")
                .isEqualTo(rendered);
    }

    @Test
    void everyAliasTheEnvironmentPostProcessorReadsIsDocumented() throws IOException {
        Set<String> read = new LinkedHashSet<>();
        Matcher names = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"").matcher(Files.readString(ALIASES_SOURCE));
        while (names.find()) {
            read.add(names.group(1));
        }
        assertThat(ALIASES.stream().map(Alias::variable).toList())
                .as("ConfigurationReferenceTest.ALIASES must list the variables TaskstreamEnvironmentPostProcessor reads")
                .containsExactlyInAnyOrderElementsOf(read);
    }

    static String render() throws IOException {
        List<String> problems = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        md.append("""
                # Configuration reference

                <!-- Generated by ConfigurationReferenceTest from the properties records (their javadoc and @DefaultValue),
                     META-INF/additional-spring-configuration-metadata.json and application.yaml. Do not edit: change the
                     source and run ./mvnw -pl app test -DskipWeb -Dtest=ConfigurationReferenceTest -Dconfiguration.update=true -->

                Every setting is a Spring property and can be given as an environment variable (relaxed binding: upper case,
                `_` for `.` and `-`, e.g. `TASKSTREAM_EVENTS_RELAY_RETENTION`; Spring's canonical form drops the dashes
                instead, `TASKSTREAM_EVENTS_RELAY_POLLINTERVAL`, and works as well), a command line argument
                (`--taskstream.roles=api`) or a system property. Durations are ISO-8601 (`PT5S`) or `5s`, `10m`; sizes `64KB`.
                Secrets come only from the environment or a Dapr secret store (`taskstream.secrets.dapr.*`) and are never logged.

                ## Taskstream settings

                """);
        JsonNode metadata = JSON.readTree(Files.readString(METADATA));
        Map<String, String> topGroups = new TreeMap<>();
        for (JsonNode group : metadata.get("groups")) {
            topGroups.put(group.get("name").asString(), group.path("sourceType").asString(""));
        }
        topGroups.entrySet().removeIf(group -> topGroups.entrySet().stream().anyMatch(other -> !other.getKey().equals(group.getKey())
                && group.getKey().startsWith(other.getKey() + ".") && other.getValue().equals(group.getValue())));
        Map<String, List<JsonNode>> sections = new TreeMap<>();
        List<JsonNode> deprecated = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (!name.startsWith("taskstream.")) {
                continue;
            }
            if (property.has("deprecation")) {
                deprecated.add(property);
                continue;
            }
            if (property.path("description").asString("").isBlank()) {
                problems.add(name + " has no description: document it (the record's javadoc @param)");
            }
            String section = topGroups.keySet().stream().filter(group -> name.startsWith(group + "."))
                    .reduce((a, b) -> b.length() > a.length() ? b : a).orElse("taskstream");
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(property);
        }
        sections.values().forEach(list -> list.sort((a, b) -> a.get("name").asString().compareTo(b.get("name").asString())));
        for (Map.Entry<String, List<JsonNode>> section : sections.entrySet()) {
            md.append("### `").append(section.getKey()).append(".*`\n\n");
            md.append("| property | environment variable | default | meaning |\n|---|---|---|---|\n");
            for (JsonNode property : section.getValue()) {
                String name = property.get("name").asString();
                md.append("| `").append(name).append("` | `").append(variable(name)).append("` | ")
                        .append(defaultOf(property)).append(" | ").append(text(property.path("description").asString("")))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!deprecated.isEmpty()) {
            md.append("### Former names\n\nStill read, with a warning from IDEs; use the new name.\n\n");
            md.append("| former property | environment variable | now |\n|---|---|---|\n");
            deprecated.sort((a, b) -> a.get("name").asString().compareTo(b.get("name").asString()));
            for (JsonNode property : deprecated) {
                String name = property.get("name").asString();
                md.append("| `").append(name).append("` | `").append(variable(name)).append("` | `")
                        .append(property.get("deprecation").get("replacement").asString()).append("` |\n");
            }
            md.append('\n');
        }

        md.append("""
                ## Environment variables under other names

                Read by `TaskstreamEnvironmentPostProcessor`; an explicitly set property always wins over them.

                | variable | sets | meaning |
                |---|---|---|
                """);
        for (Alias alias : ALIASES) {
            md.append("| `").append(alias.variable()).append("` | `").append(alias.property()).append("` | ")
                    .append(alias.meaning()).append(" |\n");
        }

        md.append("""

                ## Spring settings Taskstream changes

                Set in `app/src/main/resources/application.yaml`, their one home, for the reason given there. Any of them can
                be overridden like Taskstream's own settings.

                | property | environment variable | value | why |
                |---|---|---|---|
                """);
        renderApplicationYaml(md, problems);

        md.append("""

                ## Other Spring settings often set

                Left at Spring's defaults; see Spring Boot's
                [application properties](https://docs.spring.io/spring-boot/appendix/application-properties/index.html).

                | property | environment variable | meaning |
                |---|---|---|
                """);
        SPRING_SETTINGS.forEach((name, meaning) -> md.append("| `").append(name).append("` | `").append(variable(name))
                .append("` | ").append(meaning).append(" |\n"));

        assertThat(problems).as("settings without documentation").isEmpty();
        return md.toString();
    }

    /** One row per value of application.yaml, the reason on the first row of those its comment covers. */
    private static void renderApplicationYaml(StringBuilder md, List<String> problems) throws IOException {
        Map<String, String> comments = comments(Files.readAllLines(APPLICATION_YAML));
        Map<String, String> values = new LinkedHashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml",
                new FileSystemResource(APPLICATION_YAML))) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                values.put(name, String.valueOf(enumerable.getProperty(name)));
            }
        }
        String previousReason = null;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String name = value.getKey();
            if (name.startsWith("taskstream.")) {
                problems.add("application.yaml sets " + name + ": its default belongs in its properties record");
                continue;
            }
            String reasonKey = null;
            for (String candidate = name; candidate != null; candidate = parent(candidate)) {
                if (comments.containsKey(candidate)) {
                    reasonKey = candidate;
                    break;
                }
            }
            if (reasonKey == null) {
                problems.add("application.yaml sets " + name + " without a comment that says why");
                continue;
            }
            String why = reasonKey.equals(previousReason) ? "〃" : text(comments.get(reasonKey));
            previousReason = reasonKey;
            md.append("| `").append(name).append("` | `").append(variable(name)).append("` | `")
                    .append(value.getValue().replace("|", "\\|")).append("` | ").append(why).append(" |\n");
        }
    }

    /** The comment lines directly above a key, and a comment at the end of its line, by the key's full name. */
    static Map<String, String> comments(List<String> lines) {
        Map<String, String> comments = new LinkedHashMap<>();
        Deque<Map.Entry<Integer, String>> path = new ArrayDeque<>();
        List<String> pending = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                pending.clear();
                continue;
            }
            if (stripped.startsWith("#")) {
                pending.add(stripped.substring(1).strip());
                continue;
            }
            int indent = line.indexOf(stripped.charAt(0));
            while (!path.isEmpty() && path.peekLast().getKey() >= indent) {
                path.removeLast();
            }
            int colon = stripped.indexOf(':');
            String key = stripped.substring(0, colon).strip();
            String rest = stripped.substring(colon + 1);
            path.addLast(Map.entry(indent, key));
            int inline = rest.indexOf(" #");
            if (inline >= 0 && !rest.strip().startsWith("\"") && !rest.strip().startsWith("'")) {
                pending.add(rest.substring(inline + 2).strip());
            }
            if (!pending.isEmpty()) {
                comments.put(String.join(".", path.stream().map(Map.Entry::getValue).toList()), String.join(" ", pending));
            }
            pending.clear();
        }
        return comments;
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /** The environment variable of a property (relaxed binding). */
    static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String defaultOf(JsonNode property) {
        JsonNode value = property.get("defaultValue");
        if (value == null || value.isNull()) {
            return "–";
        }
        String text = value.isString() ? value.asString() : value.toString();
        return text.isEmpty() ? "(empty)" : "`" + text.replace("|", "\\|") + "`";
    }

    /** Javadoc to Markdown, on one line of a table. */
    private static String text(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? ([^}]*)}", "`$1`")
                .replaceAll("\\s+", " ")
                .replace("|", "\\|")
                .strip();
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
