package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart hands every dashboard of deploy/monitoring/dashboards/ to the Grafana sidecar as a labelled ConfigMap. */
class DashboardConfigMapsTest {

    private static final String PREFIX = Chart.RELEASE + "-taskstream-dashboard-";

    @Test
    void noDashboardIsRenderedByDefault() {
        assertThat(dashboards(Variant.DEFAULT)).isEmpty();
        assertThat(dashboards(Variant.dev())).isEmpty();
    }

    @Test
    void prodRendersOneLabelledConfigMapPerDashboardHoldingTheFileUnchanged() {
        List<ConfigMap> maps = dashboards(Variant.prod());
        Map<String, String> files = GrafanaDashboards.files();

        assertThat(maps).extracting(m -> m.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(
                files.keySet().stream().map(f -> PREFIX + f.replace(".json", "")).toList());
        for (ConfigMap map : maps) {
            assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
                    .containsEntry("app.kubernetes.io/part-of", "taskstream");
            assertThat(map.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Taskstream");
            assertThat(map.getMetadata().getNamespace()).as("the release's namespace").isNull();
            assertThat(map.getData()).hasSize(1);
            Map.Entry<String, String> data = map.getData().entrySet().iterator().next();
            assertThat(files).containsKey(data.getKey());
            assertThat(GrafanaDashboards.parse(data.getValue()))
                    .isEqualTo(GrafanaDashboards.parse(files.get(data.getKey())));
            assertThat(data.getValue().strip()).isEqualTo(files.get(data.getKey()).strip());
        }
    }

    @Test
    void labelFolderAndNamespaceFollowTheGrafanaInstall() {
        List<ConfigMap> maps = dashboards(Variant.DEFAULT.with("metrics.dashboards.enabled", "true")
                .with("metrics.dashboards.label", "grafana_dashboard_taskstream")
                .with("metrics.dashboards.labelValue", "yes")
                .with("metrics.dashboards.namespace", "monitoring"));

        assertThat(maps).hasSize(GrafanaDashboards.files().size()).allSatisfy(map -> {
            assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard_taskstream", "yes")
                    .doesNotContainKey("grafana_dashboard");
            assertThat(map.getMetadata().getAnnotations()).as("no folder asked").isNullOrEmpty();
            assertThat(map.getMetadata().getNamespace()).isEqualTo("monitoring");
        });
    }

    private static List<ConfigMap> dashboards(Variant variant) {
        return Rendered.of(variant).all(ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().startsWith(PREFIX)).toList();
    }
}
