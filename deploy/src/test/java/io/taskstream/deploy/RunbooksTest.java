package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operator docs can be followed: every relative link resolves, and every resource their kubectl and helm commands
 * name is one the chart renders for the production release ({@value #RELEASE}) — a Deployment, HPA, Service, cluster,
 * backup or Secret that a rename in the chart would leave the runbooks pointing at is a failure here.
 */
class RunbooksTest {

    static final String RELEASE = "taskstream";
    private static final Path REPO = Chart.REPOSITORY;

    /** kind/name, as kubectl takes it: deploy/taskstream-api, svc/taskstream-db-rw. */
    private static final Pattern KIND_SLASH_NAME = Pattern.compile(
            "\\b(deploy|deployment|svc|service|hpa|pdb|configmap|cm)/([a-z0-9][-a-z0-9]*)");
    /** kubectl verb kind name: get hpa taskstream-workers, patch secret taskstream-secrets. */
    private static final Pattern VERB_KIND_NAME = Pattern.compile(
            "\\b(?:get|describe|patch|delete|annotate|edit)[ \\t]+(hpa|pdb|cluster|scheduledbackup|objectstore|kafka|secret|"
                    + "deploy|deployment|svc|service|configmap|pod)[ \\t]+([a-z0-9][-a-z0-9]*)");
    /** kubectl cnpg verb cluster [instance]. */
    private static final Pattern CNPG = Pattern.compile(
            "kubectl cnpg (?:status|promote|backup|psql|reload|restart)\\s+([a-z0-9][-a-z0-9]*)");
    /** kubectl exec/logs on a pod by name (not deploy/…). */
    private static final Pattern POD = Pattern.compile(
            "kubectl(?: -n \\S+)? (?:exec|logs)\\s+(?!deploy/)([a-z0-9][-a-z0-9]*[0-9])\\b");
    private static final Pattern HELM_RELEASE = Pattern.compile(
            "\\bhelm (?:history|test|rollback|status|get (?:values|manifest)|upgrade(?: --install)?)\\s+([a-z0-9][-a-z0-9]*)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /**
     * The cloud infrastructure's directory, written beside these docs: links into it are checked once it exists.
     */
    private static final Path TERRAFORM = Chart.DEPLOY_DIR.resolve("terraform");

    @Test
    void everyRelativeLinkOfTheOperatorDocsResolves() {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^(https?|mailto):.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                boolean pending = resolved.startsWith(TERRAFORM) && !Files.isDirectory(TERRAFORM);
                if (!Files.exists(resolved) && !pending) {
                    broken.add(REPO.relativize(doc) + " → " + target);
                }
            }
        }

        assertThat(docs()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyResourceTheCommandsNameIsOneTheChartRendersForTheRelease() {
        Map<String, Set<String>> rendered = renderedNames();
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            unknown.addAll(unknownNames(REPO.relativize(doc).toString(), read(doc), rendered));
        }

        assertThat(rendered.get("Deployment")).contains("taskstream-api", "taskstream-workers", "taskstream-reminders");
        assertThat(docs().stream().mapToInt(d -> releaseCommands(read(d)).split("\n").length).sum())
                .as("commands checked").isGreaterThan(80);
        assertThat(unknown).isEmpty();
    }

    @Test
    void theCheckFlagsNamesOfAnotherReleaseOrAResourceTheChartDoesNotHave() {
        List<String> unknown = unknownNames("example", """
                kubectl -n taskstream-production rollout restart deploy/ts-taskstream-api
                kubectl -n taskstream-production get hpa taskstream-api
                kubectl -n taskstream-production get scheduledbackup taskstream-db-weekly
                kubectl cnpg status taskstream-database -n taskstream-production
                kubectl -n taskstream-production logs taskstream-kafka-broker-0 -c kafka
                kubectl -n taskstream-production logs taskstream-kafka-brokers-0 -c kafka
                helm rollback ts 7 -n taskstream-production
                kubectl -n monitoring port-forward svc/kube-prometheus-stack-grafana 3000:80
                kubectl -n taskstream-production exec deploy/taskstream-workers -- \\
                  true && kubectl -n taskstream-production get cluster taskstream-db
                """, renderedNames());

        assertThat(unknown).containsExactly(
                "example: deployment ts-taskstream-api", "example: scheduledbackup taskstream-db-weekly",
                "example: cluster taskstream-database", "example: pod taskstream-kafka-brokers-0",
                "example: helm release ts");
    }

    /**
     * The commands of the release's namespaces (one logical line each, continuations joined); commands in other
     * namespaces (operators, monitoring) name resources of other charts.
     */
    private static String releaseCommands(String text) {
        StringBuilder commands = new StringBuilder();
        for (String line : text.replace("\\\n", " ").split("\n")) {
            if (line.matches(".*(-n|--namespace)[ =]taskstream-(production|staging)\\b.*")) {
                commands.append(line).append('\n');
            }
        }
        return commands.toString();
    }

    private static List<String> unknownNames(String doc, String document, Map<String, Set<String>> rendered) {
        List<String> unknown = new ArrayList<>();
        String text = releaseCommands(document);
        check(doc, KIND_SLASH_NAME.matcher(text), rendered, unknown);
        check(doc, VERB_KIND_NAME.matcher(text), rendered, unknown);
        Matcher cnpg = CNPG.matcher(text);
        while (cnpg.find()) {
            if (!rendered.get("Cluster").contains(cnpg.group(1))) {
                unknown.add(doc + ": cluster " + cnpg.group(1));
            }
        }
        Matcher pod = POD.matcher(text);
        while (pod.find()) {
            if (!isPod(pod.group(1), rendered)) {
                unknown.add(doc + ": pod " + pod.group(1));
            }
        }
        Matcher helm = HELM_RELEASE.matcher(text);
        while (helm.find()) {
            if (!helm.group(1).equals(RELEASE)) {
                unknown.add(doc + ": helm release " + helm.group(1));
            }
        }
        return unknown;
    }

    private static void check(String doc, Matcher m, Map<String, Set<String>> rendered, List<String> unknown) {
        while (m.find()) {
            String kind = kind(m.group(1));
            String name = m.group(2);
            boolean known = kind.equals("Pod") ? isPod(name, rendered)
                    : rendered.getOrDefault(kind, Set.of()).contains(name);
            if (!known) {
                unknown.add(doc + ": " + kind.toLowerCase() + " " + name);
            }
        }
    }

    /** CloudNativePG instances are <cluster>-<n>; Strimzi's are <kafka>-<pool>-<n>. */
    private static boolean isPod(String name, Map<String, Set<String>> rendered) {
        for (String cluster : rendered.get("Cluster")) {
            if (name.matches(Pattern.quote(cluster) + "-\\d+")) {
                return true;
            }
        }
        for (String kafka : rendered.get("Kafka")) {
            for (String pool : rendered.get("KafkaNodePool")) {
                if (name.matches(Pattern.quote(kafka + "-" + pool) + "-\\d+")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String kind(String word) {
        return switch (word) {
            case "deploy", "deployment" -> "Deployment";
            case "svc", "service" -> "Service";
            case "hpa" -> "HorizontalPodAutoscaler";
            case "pdb" -> "PodDisruptionBudget";
            case "cm", "configmap" -> "ConfigMap";
            case "cluster" -> "Cluster";
            case "scheduledbackup" -> "ScheduledBackup";
            case "objectstore" -> "ObjectStore";
            case "kafka" -> "Kafka";
            case "secret" -> "Secret";
            case "pod" -> "Pod";
            default -> throw new IllegalArgumentException(word);
        };
    }

    /**
     * Names by kind across the production installs the runbooks describe: prod values, with Dapr and KEDA, restored
     * into a new cluster, and with the notifier in a group of its own. Besides what the chart renders: the Services
     * and app Secret CloudNativePG creates for each cluster, and the Secrets the values name.
     */
    private static Map<String, Set<String>> renderedNames() {
        Map<String, Set<String>> names = new TreeMap<>();
        List<Variant> variants = List.of(Variant.prod(), Variant.everything(),
                Variant.prod().with("cloudnativepg.clusterName", "taskstream-db-r1")
                        .with("cloudnativepg.recovery.enabled", "true")
                        .with("cloudnativepg.recovery.sourceServerName", "taskstream-db"),
                Variant.prod().with("roleGroups.notifier.roles[0]", "notifier")
                        .with("roleGroups.workers.roles[0]", "recurrence").with("roleGroups.workers.roles[1]", "audit"));
        for (Variant variant : variants) {
            for (JsonNode document : Chart.renderAs(RELEASE, variant)) {
                String kind = document.path("kind").asText();
                String name = document.path("metadata").path("name").asText();
                names.computeIfAbsent(kind, k -> new TreeSet<>()).add(name);
                if (kind.equals("Cluster")) {
                    for (String suffix : List.of("-rw", "-ro", "-r")) {
                        names.computeIfAbsent("Service", k -> new TreeSet<>()).add(name + suffix);
                    }
                    names.computeIfAbsent("Secret", k -> new TreeSet<>()).add(name + "-app");
                }
            }
            try {
                JsonNode values = Chart.values(variant);
                Set<String> secrets = names.computeIfAbsent("Secret", k -> new TreeSet<>());
                secrets.add(values.path("secrets").path("existingSecret").asText());
                secrets.add(values.path("database").path("existingSecret").asText());
                secrets.add(values.path("cloudnativepg").path("backup").path("s3Credentials").path("existingSecret").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static List<Path> docs() {
        List<Path> docs = new ArrayList<>();
        for (Path dir : List.of(REPO.resolve("docs/runbooks"), REPO.resolve("docs/operations"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Path troubleshooting = REPO.resolve("docs/troubleshooting.md");
        if (Files.exists(troubleshooting)) {
            docs.add(troubleshooting);
        }
        return docs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
