package io.taskstream.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import java.util.Set;

/**
 * Reads manifests into fabric8's typed Kubernetes model the way the API server's strict field validation
 * would: an unknown or misspelled field fails (fabric8 normally keeps it in {@code additionalProperties}),
 * and so does a scalar of the wrong type ({@code replicas: "2"}).
 */
final class StrictKubernetes {

    /** Built-in kinds the chart may render, by apiVersion/kind. */
    static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

    /** Custom resources of the operators the chart works with: checked by apiVersion, kind and key fields. */
    static final Set<String> CUSTOM = Set.of(
            "kafka.strimzi.io/v1/Kafka",
            "kafka.strimzi.io/v1/KafkaNodePool",
            "kafka.strimzi.io/v1/KafkaTopic",
            "dapr.io/v1alpha1/Component",
            "dapr.io/v1alpha1/Configuration",
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "keda.sh/v1alpha1/ScaledObject",
            "monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PrometheusRule",
            "argoproj.io/v1alpha1/Rollout",
            "argoproj.io/v1alpha1/AnalysisTemplate");

    /** Top-level fields a custom resource may carry (Dapr components keep scopes and auth beside spec). */
    private static final Set<String> CUSTOM_TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec", "scopes", "auth");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("no-additional-properties").setDeserializerModifier(new NoAnySetter()))
            .build();

    private static final ObjectMapper LENIENT = JsonMapper.builder().build();

    private StrictKubernetes() {
    }

    static String typeOf(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** A built-in kind as its typed model, or a known custom resource as a generic one; anything else fails. */
    static HasMetadata parse(JsonNode document) {
        String type = typeOf(document);
        Class<? extends HasMetadata> model = BUILT_IN.get(type);
        if (model != null) {
            return parse(document, model);
        }
        if (!CUSTOM.contains(type)) {
            throw new IllegalArgumentException("unexpected resource type " + type + ": " + document);
        }
        document.fieldNames().forEachRemaining(field -> {
            if (!CUSTOM_TOP_LEVEL.contains(field)) {
                throw new IllegalArgumentException(type + " has an unknown top-level field '" + field + "'");
            }
        });
        parse(document.path("metadata"), ObjectMeta.class);
        ArgoRollouts.check(type, document);
        try {
            return LENIENT.treeToValue(document, GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type + ": " + e.getOriginalMessage(), e);
        }
    }

    static <T> T parse(JsonNode document, Class<T> model) {
        try {
            return STRICT.treeToValue(document, model);
        } catch (JsonProcessingException e) {
            String name = document.path("metadata").path("name").asText("?");
            throw new IllegalArgumentException(typeOf(document) + " " + name + ": " + e.getOriginalMessage()
                    + " at " + e.getLocation() + " path " + pathOf(e), e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping ? mapping.getPathReference() : "";
    }

    /** fabric8 models accept any field into additionalProperties through an any-setter; remove it. */
    private static final class NoAnySetter extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                builder.setAnySetter(null);
            }
            return builder;
        }
    }
}
