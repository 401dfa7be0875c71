package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

/**
 * The CloudNativePG cluster of production backs itself up: daily base backups and continuous WAL archiving to an
 * object store through the Barman Cloud plugin, credentials from an existing Secret; and a new cluster can be
 * bootstrapped from those backups to a point in time.
 */
class DatabaseBackupsChartTest {

    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @Test
    void prodArchivesWalAndTakesADailyBackupToTheObjectStoreNamedByTheCluster() {
        Rendered prod = Rendered.of(Variant.prod());

        GenericKubernetesResource cluster = prod.custom("Cluster").getFirst();
        GenericKubernetesResource store = prod.custom("ObjectStore").getFirst();
        assertThat(store.getApiVersion()).isEqualTo("barmancloud.cnpg.io/v1");
        assertThat(store.getMetadata().getName()).isEqualTo(Chart.RELEASE + "-taskstream-backups");
        JsonNode plugin = Rendered.field(cluster, "spec", "plugins").get(0);
        assertThat(plugin.path("name").asText()).isEqualTo(PLUGIN);
        assertThat(plugin.path("isWALArchiver").asBoolean()).as("WAL archiving, for point-in-time recovery").isTrue();
        assertThat(plugin.path("parameters").path("barmanObjectName").asText()).isEqualTo(store.getMetadata().getName());
        assertThat(Rendered.field(store, "spec", "retentionPolicy").asText()).isEqualTo("30d");
        assertThat(Rendered.field(store, "spec", "configuration", "destinationPath").asText()).startsWith("s3://");
        assertThat(Rendered.field(store, "spec", "configuration", "wal", "compression").asText()).isEqualTo("gzip");

        GenericKubernetesResource scheduled = prod.custom("ScheduledBackup").getFirst();
        assertThat(scheduled.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(Rendered.field(scheduled, "spec", "cluster", "name").asText()).isEqualTo(cluster.getMetadata().getName());
        assertThat(Rendered.field(scheduled, "spec", "schedule").asText()).as("daily, six cron fields")
                .matches("0 \\d+ \\d+ \\* \\* \\*");
        assertThat(Rendered.field(scheduled, "spec", "immediate").asBoolean()).isTrue();
        assertThat(Rendered.field(scheduled, "spec", "backupOwnerReference").asText()).isEqualTo("self");
        assertThat(Rendered.field(scheduled, "spec", "method").asText()).isEqualTo("plugin");
        assertThat(Rendered.field(scheduled, "spec", "pluginConfiguration", "name").asText()).isEqualTo(PLUGIN);
    }

    @Test
    void objectStoreCredentialsAreReferencesToAnExistingSecretThatTheChartDoesNotCreate() {
        Rendered prod = Rendered.of(Variant.prod());

        JsonNode credentials = Rendered.field(prod.custom("ObjectStore").getFirst(),
                "spec", "configuration", "s3Credentials");
        for (String field : new String[] {"accessKeyId", "secretAccessKey"}) {
            assertThat(credentials.path(field).properties()).as(field + " is a name and a key, nothing else")
                    .extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("name", "key");
            assertThat(credentials.path(field).path("name").asText()).isEqualTo("taskstream-backup-s3");
        }
        assertThat(credentials.path("accessKeyId").path("key").asText()).isEqualTo("ACCESS_KEY_ID");
        assertThat(prod.all(Secret.class)).noneMatch(s -> s.getMetadata().getName().equals("taskstream-backup-s3"));

        JsonNode roleBased = Rendered.field(Rendered.of(Variant.prod()
                        .with("cloudnativepg.backup.s3Credentials.inheritFromIAMRole", "true")).custom("ObjectStore").getFirst(),
                "spec", "configuration", "s3Credentials");
        assertThat(roleBased.path("inheritFromIAMRole").asBoolean()).isTrue();
        assertThat(roleBased.has("accessKeyId")).isFalse();
    }

    @Test
    void theDatabaseAndItsObjectStoreOutliveTheReleaseAndARenameOfTheCluster() {
        Rendered prod = Rendered.of(Variant.prod());

        for (GenericKubernetesResource kept : java.util.List.of(prod.custom("Cluster").getFirst(),
                prod.custom("ObjectStore").getFirst())) {
            assertThat(kept.getMetadata().getAnnotations()).as(kept.getKind())
                    .containsEntry("helm.sh/resource-policy", "keep");
        }
    }

    @Test
    void devAndDefaultValuesRenderNoBackups() {
        for (Variant variant : new Variant[] {Variant.dev(), Variant.DEFAULT}) {
            Rendered rendered = Rendered.of(variant);
            assertThat(rendered.custom("ScheduledBackup")).as(variant.name()).isEmpty();
            assertThat(rendered.custom("ObjectStore")).as(variant.name()).isEmpty();
            rendered.custom("Cluster").forEach(c ->
                    assertThat(Rendered.field(c, "spec", "plugins").isMissingNode()).as(variant.name()).isTrue());
        }
    }

    @Test
    void backupsWithoutABucketFailTheRender() {
        assertThatThrownBy(() -> Chart.template(Variant.dev().with("cloudnativepg.backup.enabled", "true")))
                .hasMessageContaining("cloudnativepg.backup.destinationPath");
    }

    @Test
    void recoveryBootstrapsANewClusterFromTheOldOnesBackupsToAPointInTime() {
        Rendered restored = Rendered.of(Variant.prod()
                .with("cloudnativepg.clusterName", "taskstream-db-r1")
                .with("cloudnativepg.recovery.enabled", "true")
                .with("cloudnativepg.recovery.sourceServerName", "taskstream-db")
                .with("cloudnativepg.recovery.targetTime", "2026-12-08T10:14:00Z"));

        GenericKubernetesResource cluster = restored.custom("Cluster").getFirst();
        JsonNode bootstrap = Rendered.field(cluster, "spec", "bootstrap");
        assertThat(bootstrap.has("initdb")).isFalse();
        assertThat(bootstrap.path("recovery").path("source").asText()).isEqualTo("taskstream-db");
        assertThat(bootstrap.path("recovery").path("recoveryTarget").path("targetTime").asText())
                .isEqualTo("2026-12-08T10:14:00Z");
        assertThat(bootstrap.path("recovery").path("database").asText()).isEqualTo("taskstream");
        JsonNode origin = Rendered.field(cluster, "spec", "externalClusters").get(0);
        assertThat(origin.path("name").asText()).isEqualTo("taskstream-db");
        assertThat(origin.path("plugin").path("parameters").path("serverName").asText()).isEqualTo("taskstream-db");
        assertThat(origin.path("plugin").path("parameters").path("barmanObjectName").asText())
                .as("one store per release: the old cluster's directory in it").isEqualTo(Chart.RELEASE + "-taskstream-backups");
        assertThat(Rendered.field(restored.custom("ObjectStore").getFirst(), "spec", "configuration", "destinationPath")
                .asText()).as("the same bucket: the new cluster archives under its own name")
                .isEqualTo(Rendered.field(Rendered.of(Variant.prod()).custom("ObjectStore").getFirst(),
                        "spec", "configuration", "destinationPath").asText());
        assertThat(restored.deployment("api")).satisfies(d -> assertThat(Rendered.app(d).getEnv())
                .anySatisfy(e -> assertThat(e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        && e.getValueFrom().getSecretKeyRef().getName().equals("taskstream-db-r1-app")).isTrue()));
    }

    @Test
    void recoveryIntoTheClusterItRestoresFromIsRefused() {
        assertThatThrownBy(() -> Chart.template(Variant.prod()
                .with("cloudnativepg.recovery.enabled", "true")
                .with("cloudnativepg.recovery.sourceServerName", "taskstream-db")))
                .hasMessageContaining("must be a new one");
    }
}
