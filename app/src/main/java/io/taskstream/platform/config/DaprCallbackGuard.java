package io.taskstream.platform.config;

import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.core.env.PropertyResolver;

/**
 * Whether this process serves the Dapr sidecar's callbacks ({@code GET /dapr/subscribe}, the event routes
 * {@code /dapr/events/**}, the job triggers {@code /job/**}), and with which credential. They are served with
 * the Dapr transport ({@code taskstream.events.transport=dapr}) or the Dapr reminder scheduler
 * ({@code taskstream.reminders.scheduler=dapr}), and every call must carry the app API token
 * ({@code APP_API_TOKEN}, {@code taskstream.dapr.app-api-token}) in {@code dapr-api-token}
 * (https://docs.dapr.io/operations/security/app-api-token/). Without a token such a process does not start,
 * unless {@value #INSECURE} is true (local experiments only, ADR 033).
 */
public final class DaprCallbackGuard {

    /** The app API token the sidecar sends with every call to the app. */
    public static final String TOKEN = DaprProperties.PREFIX + ".app-api-token";
    /** The opt-out: without a token, callbacks from a loopback peer that sent no forwarding header are served. */
    public static final String INSECURE = DaprProperties.PREFIX + ".insecure-allow-unauthenticated-callbacks";

    private DaprCallbackGuard() {
    }

    /** Whether a Dapr mode is on, so the process serves the sidecar's callbacks. */
    public static boolean daprMode(PropertyResolver env) {
        return "dapr".equalsIgnoreCase(env.getProperty("taskstream.events.transport", "").strip())
                || "dapr".equalsIgnoreCase(env.getProperty("taskstream.reminders.scheduler", "").strip());
    }

    /** The configured token, or null when none (or a blank one) is set. */
    public static String token(PropertyResolver env) {
        String token = env.getProperty(TOKEN);
        return token == null || token.isBlank() ? null : token;
    }

    public static boolean insecure(PropertyResolver env) {
        return env.getProperty(INSECURE, Boolean.class, false);
    }

    /** Refuses to start a process in a Dapr mode that has no app API token and no explicit opt-out. */
    static void requireToken(PropertyResolver env) {
        if (daprMode(env) && token(env) == null && !insecure(env)) {
            throw new FailureAnalyzedException(
                    "Dapr mode is on but APP_API_TOKEN is not set: anyone who reaches the port could deliver events "
                            + "and trigger reminder jobs.",
                    "Set APP_API_TOKEN (taskstream.dapr.app-api-token) to the token the sidecar sends "
                            + "(dapr.io/app-token-secret), or, for a local experiment only, set " + INSECURE + "=true.");
        }
    }
}
