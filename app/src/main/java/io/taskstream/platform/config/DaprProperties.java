package io.taskstream.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * The local Dapr sidecar ({@code taskstream.dapr.*}), shared by everything that talks to it or is called by it: the
 * Dapr event transport, the Dapr Jobs reminder scheduler, the secret store lookup and the callbacks' gate. The
 * variables Dapr itself sets in the pod ({@code DAPR_HTTP_PORT}, {@code APP_API_TOKEN}, {@code DAPR_API_TOKEN}) are
 * read as well ({@link TaskstreamEnvironmentPostProcessor}).
 *
 * @param httpPort the sidecar's HTTP port ({@code DAPR_HTTP_PORT}, set by Dapr in the pod)
 * @param appApiToken the token the sidecar sends in {@code dapr-api-token} ({@code APP_API_TOKEN}), which every
 *     callback ({@code /dapr/**}, {@code /job/**}) must carry; required when the events transport or the reminder
 *     scheduler is {@code dapr} (ADR 033)
 * @param apiToken the sidecar's own API token ({@code DAPR_API_TOKEN}), sent in {@code dapr-api-token} on calls to the
 *     sidecar (publish, jobs, secrets) when set; never the app API token, which only the sidecar sends
 * @param insecureAllowUnauthenticatedCallbacks local experiments only: start a Dapr mode without an app API token
 *     (a warning at start); calls without a token are then served only from a loopback peer that sent no forwarding
 *     header
 * @param timeout how long one call to the sidecar (publish, schedule or delete a job) may take
 */
@ConfigurationProperties(DaprProperties.PREFIX)
public record DaprProperties(
        @DefaultValue("3500") int httpPort,
        @Nullable String appApiToken,
        @Nullable String apiToken,
        @DefaultValue("false") boolean insecureAllowUnauthenticatedCallbacks,
        @DefaultValue("PT5S") Duration timeout) {

    public static final String PREFIX = "taskstream.dapr";

    /** The sidecar's base address, {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public String toString() {
        return "DaprProperties[httpPort=" + httpPort + ", appApiToken=" + (appApiToken == null ? "none" : "***")
                + ", apiToken=" + (apiToken == null ? "none" : "***") + ", insecureAllowUnauthenticatedCallbacks="
                + insecureAllowUnauthenticatedCallbacks + ", timeout=" + timeout + "]";
    }
}
