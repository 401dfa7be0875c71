package io.taskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A variant's render, typed. */
record Rendered(Variant variant, List<HasMetadata> resources) {

    private static final Map<Variant, Rendered> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Rendered of(Variant variant) {
        return CACHE.computeIfAbsent(variant,
                v -> new Rendered(v, Chart.render(v).stream().map(StrictKubernetes::parse).toList()));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + variant));
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Deployment deployment(String group) {
        return named(Deployment.class, Chart.RELEASE + "-taskstream-" + group);
    }

    /**
     * A group's workload: a Deployment, or (blue-green) an Argo Rollouts Rollout, with the pod template either runs.
     *
     * @param kind Deployment or Rollout
     */
    record Workload(String kind, String name, PodTemplateSpec template, Map<String, String> selector) {

        Container app() {
            return template.getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals("taskstream")).findFirst().orElseThrow();
        }

        Optional<EnvVar> env(String name) {
            return app().getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
        }

        String envValue(String name) {
            return env(name).map(EnvVar::getValue)
                    .orElseThrow(() -> new AssertionError(this.name + " has no env " + name));
        }

        Map<String, String> podAnnotations() {
            Map<String, String> annotations = template.getMetadata().getAnnotations();
            return annotations == null ? Map.of() : annotations;
        }
    }

    /** Every group's workload, Deployments and Rollouts alike. */
    List<Workload> workloads() {
        List<Workload> workloads = new java.util.ArrayList<>();
        deployments().forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(),
                d.getSpec().getTemplate(), d.getSpec().getSelector().getMatchLabels())));
        rollouts().forEach(r -> {
            JsonNode document = Chart.YAML.valueToTree(r);
            Map<String, String> selector = new java.util.LinkedHashMap<>();
            document.path("spec").path("selector").path("matchLabels").fields()
                    .forEachRemaining(l -> selector.put(l.getKey(), l.getValue().asText()));
            workloads.add(new Workload("Rollout", r.getMetadata().getName(), ArgoRollouts.podTemplate(document), selector));
        });
        return workloads;
    }

    Workload workload(String group) {
        String name = Chart.RELEASE + "-taskstream-" + group;
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name + " in " + variant));
    }

    List<GenericKubernetesResource> rollouts() {
        return custom("Rollout");
    }

    GenericKubernetesResource rollout(String group) {
        return rollouts().stream().filter(r -> r.getMetadata().getName().equals(Chart.RELEASE + "-taskstream-" + group))
                .findFirst().orElseThrow(() -> new AssertionError("no Rollout for " + group + " in " + variant));
    }

    static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("taskstream")).findFirst().orElseThrow();
    }

    static Optional<EnvVar> env(Deployment deployment, String name) {
        return app(deployment).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    static String envValue(Deployment deployment, String name) {
        return env(deployment, name).map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no env " + name));
    }

    static Map<String, String> podAnnotations(Deployment deployment) {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    /** A generic resource's field by path, e.g. "spec", "partitions". */
    static JsonNode field(GenericKubernetesResource resource, String... path) {
        JsonNode node = Chart.YAML.valueToTree(resource.getAdditionalProperties());
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }
}
