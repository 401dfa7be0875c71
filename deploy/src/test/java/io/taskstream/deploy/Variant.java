package io.taskstream.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of installing the chart: an optional values file of the chart plus {@code --set} overrides.
 *
 * @param name how test reports call it
 * @param valuesFile a file in the chart directory, or null for the defaults alone
 * @param sets {@code --set} overrides, in order
 */
record Variant(String name, String valuesFile, Map<String, String> sets) {

    static final Variant DEFAULT = new Variant("default values", null, Map.of());

    /**
     * The installs the chart promises: default, dev and prod values, each with and without Dapr, prod
     * deployed blue-green, and prod with every optional switch on (so each template is rendered and checked at least once).
     */
    static List<Variant> supported() {
        return List.of(
                DEFAULT,
                DEFAULT.with("dapr.enabled", "true"),
                dev(),
                dev().with("dapr.enabled", "true"),
                prod(),
                prod().with("dapr.enabled", "true"),
                blueGreen(),
                everything());
    }

    static Variant everything() {
        return prod().with("dapr.enabled", "true").with("keda.enabled", "true")
                .with("metrics.serviceMonitor.enabled", "true").with("mail.host", "smtp.example.com")
                .with("ai.baseUrl", "https://api.openai.com/v1").with("ai.model", "gpt-4o-mini");
    }

    /** Production with the api group deployed blue-green by Argo Rollouts, scraped by the ServiceMonitor. */
    static Variant blueGreen() {
        return prod().with("rollout.enabled", "true").with("metrics.serviceMonitor.enabled", "true");
    }

    static Variant dev() {
        return new Variant("values-dev.yaml", "values-dev.yaml", Map.of());
    }

    static Variant prod() {
        return new Variant("values-prod.yaml", "values-prod.yaml", Map.of());
    }

    Variant with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(sets);
        more.put(key, value);
        return new Variant(name + " + " + key + "=" + value, valuesFile, more);
    }

    boolean daprEnabled() {
        return "true".equals(sets.get("dapr.enabled"));
    }

    @Override
    public String toString() {
        return name;
    }
}
