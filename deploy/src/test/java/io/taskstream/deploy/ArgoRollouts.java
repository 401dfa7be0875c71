package io.taskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.Map;
import java.util.Set;

/**
 * Argo Rollouts' resources checked the way their CRDs' schemas would check them (argoproj.io/v1alpha1): the fields of
 * the parts the chart uses, and the embedded Kubernetes types (the pod template, the selector, an analysis Job) read
 * strictly into fabric8's typed model, so a Rollout's pod template passes the same checks as a Deployment's.
 */
final class ArgoRollouts {

    private static final Set<String> ROLLOUT_SPEC = Set.of("replicas", "selector", "template", "workloadRef",
            "minReadySeconds", "revisionHistoryLimit", "paused", "progressDeadlineSeconds", "progressDeadlineAbort",
            "restartAt", "rollbackWindow", "analysis", "strategy");
    private static final Set<String> BLUE_GREEN = Set.of("activeService", "previewService", "autoPromotionEnabled",
            "autoPromotionSeconds", "previewReplicaCount", "scaleDownDelaySeconds", "scaleDownDelayRevisionLimit",
            "abortScaleDownDelaySeconds", "prePromotionAnalysis", "postPromotionAnalysis", "antiAffinity",
            "previewMetadata", "activeMetadata", "maxUnavailable");
    private static final Set<String> ANALYSIS = Set.of("templates", "args", "analysisRunMetadata", "dryRun",
            "measurementRetention");
    private static final Set<String> TEMPLATE_REF = Set.of("templateName", "clusterScope");
    private static final Set<String> ARG = Set.of("name", "value", "valueFrom");
    private static final Set<String> ROLLOUT_ARG_SOURCE = Set.of("podTemplateHashValue", "fieldRef");
    private static final Set<String> POD_TEMPLATE_HASH = Set.of("Stable", "Latest");
    private static final Set<String> ANALYSIS_TEMPLATE_SPEC = Set.of("args", "metrics", "dryRun",
            "measurementRetention", "templates");
    private static final Set<String> METRIC = Set.of("name", "interval", "initialDelay", "count", "successCondition",
            "failureCondition", "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit",
            "consecutiveSuccessLimit", "provider");
    private static final Set<String> PROMETHEUS = Set.of("address", "query", "timeout", "insecure", "headers",
            "authentication", "rangeQuery");
    private static final Set<String> JOB = Set.of("metadata", "spec");

    private ArgoRollouts() {
    }

    static void check(String type, JsonNode document) {
        switch (type) {
            case "argoproj.io/v1alpha1/Rollout" -> rollout(document.path("spec"));
            case "argoproj.io/v1alpha1/AnalysisTemplate" -> analysisTemplate(document.path("spec"));
            default -> {
            }
        }
    }

    /** The pod template of a Rollout, typed (the same model a Deployment's is read into). */
    static PodTemplateSpec podTemplate(JsonNode rollout) {
        return StrictKubernetes.parse(rollout.path("spec").path("template"), PodTemplateSpec.class);
    }

    private static void rollout(JsonNode spec) {
        fields("Rollout spec", spec, ROLLOUT_SPEC);
        require(spec.path("selector").isObject(), "Rollout spec.selector is required");
        require(spec.path("template").isObject(), "Rollout spec.template is required (no workloadRef)");
        StrictKubernetes.parse(spec.path("selector"), LabelSelector.class);
        PodTemplateSpec template = StrictKubernetes.parse(spec.path("template"), PodTemplateSpec.class);
        Map<String, String> labels = template.getMetadata().getLabels();
        spec.path("selector").path("matchLabels").fields().forEachRemaining(label -> require(
                label.getValue().asText().equals(labels.get(label.getKey())),
                "Rollout selector " + label + " does not select its own pods"));
        integer(spec, "replicas");
        integer(spec, "revisionHistoryLimit");
        JsonNode strategy = spec.path("strategy");
        fields("Rollout strategy", strategy, Set.of("blueGreen", "canary"));
        JsonNode blueGreen = strategy.path("blueGreen");
        require(blueGreen.isObject(), "Rollout strategy.blueGreen is required");
        fields("blueGreen", blueGreen, BLUE_GREEN);
        require(blueGreen.path("activeService").isTextual(), "blueGreen.activeService is required");
        require(blueGreen.path("autoPromotionEnabled").isMissingNode() || blueGreen.path("autoPromotionEnabled").isBoolean(),
                "blueGreen.autoPromotionEnabled must be a boolean");
        integer(blueGreen, "previewReplicaCount");
        integer(blueGreen, "scaleDownDelaySeconds");
        for (String step : new String[] {"prePromotionAnalysis", "postPromotionAnalysis"}) {
            JsonNode analysis = blueGreen.path(step);
            if (analysis.isMissingNode()) {
                continue;
            }
            fields(step, analysis, ANALYSIS);
            require(analysis.path("templates").isArray() && !analysis.path("templates").isEmpty(), step + ".templates");
            analysis.path("templates").forEach(t -> {
                fields(step + ".templates[]", t, TEMPLATE_REF);
                require(t.path("templateName").isTextual(), step + " templateName");
            });
            analysis.path("args").forEach(arg -> {
                fields(step + ".args[]", arg, ARG);
                if (arg.has("valueFrom")) {
                    fields(step + ".args[].valueFrom", arg.path("valueFrom"), ROLLOUT_ARG_SOURCE);
                    JsonNode hash = arg.path("valueFrom").path("podTemplateHashValue");
                    require(hash.isMissingNode() || POD_TEMPLATE_HASH.contains(hash.asText()),
                            "podTemplateHashValue is Stable or Latest, not " + hash);
                }
            });
        }
    }

    private static void analysisTemplate(JsonNode spec) {
        fields("AnalysisTemplate spec", spec, ANALYSIS_TEMPLATE_SPEC);
        spec.path("args").forEach(arg -> fields("AnalysisTemplate args[]", arg, Set.of("name", "value", "valueFrom")));
        require(spec.path("metrics").isArray() && !spec.path("metrics").isEmpty(), "AnalysisTemplate spec.metrics");
        for (JsonNode metric : spec.path("metrics")) {
            fields("metric", metric, METRIC);
            String name = metric.path("name").asText();
            require(!name.isEmpty(), "a metric needs a name");
            for (String number : new String[] {"count", "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit"}) {
                integer(metric, number);
            }
            JsonNode provider = metric.path("provider");
            require(provider.size() == 1, name + ": exactly one provider");
            if (provider.has("prometheus")) {
                fields(name + " prometheus", provider.path("prometheus"), PROMETHEUS);
                require(provider.path("prometheus").path("query").isTextual(), name + ": a query");
                require(metric.path("successCondition").isTextual() || metric.path("failureCondition").isTextual(),
                        name + ": a prometheus metric needs a condition");
            } else if (provider.has("job")) {
                fields(name + " job", provider.path("job"), JOB);
                StrictKubernetes.parse(provider.path("job").path("metadata"), ObjectMeta.class);
                StrictKubernetes.parse(provider.path("job").path("spec"), JobSpec.class);
            } else {
                throw new IllegalArgumentException(name + ": a provider the chart does not use: " + provider);
            }
        }
    }

    private static void fields(String where, JsonNode node, Set<String> allowed) {
        require(node.isObject(), where + " must be an object");
        node.fieldNames().forEachRemaining(field -> require(allowed.contains(field),
                where + " has an unknown field '" + field + "'"));
    }

    private static void integer(JsonNode node, String field) {
        require(!node.has(field) || node.path(field).isIntegralNumber(), field + " must be an integer: " + node.path(field));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
