package io.taskstream.platform.config;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads secrets (JWT secret, database URL, SMTP and model keys) from a Dapr secret store before the
 * application binds its configuration, so that in Kubernetes with Dapr they never sit in the pod's
 * environment.
 *
 * <p>Off unless {@code TASKSTREAM_SECRETS_DAPR_STORE} names the store component. {@code
 * TASKSTREAM_SECRETS_DAPR_REFS} lists what to read, as {@code VARIABLE=secret/key} pairs separated by commas;
 * a trailing {@code ?} makes a reference optional ({@code TASKSTREAM_AI_API_KEY=taskstream-secrets/ai-api-key?}).
 * Each value becomes visible exactly like the environment variable of that name (relaxed binding included),
 * just below the real environment, which still wins. Each secret is fetched once with
 * {@code GET /v1.0/secrets/{store}/{secret}} (https://docs.dapr.io/reference/api/secrets_api/), after waiting
 * for the sidecar ({@code GET /v1.0/healthz/outbound}, https://docs.dapr.io/reference/api/health_api/) for
 * at most {@code TASKSTREAM_SECRETS_DAPR_WAIT} ({@link DaprSecretStoreProperties}). A required reference that cannot be read stops
 * the start with its name; values are never logged.
 */
public class DaprSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "daprSecrets";
    private static final Duration POLL = Duration.ofMillis(250);

    private final Log log;

    public DaprSecretsEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DaprSecretsEnvironmentPostProcessor.class);
    }

    /** One {@code VARIABLE=secret/key} reference. */
    record SecretRef(String variable, String secret, String key, boolean optional) {

        static List<SecretRef> parseAll(String text) {
            List<SecretRef> refs = new ArrayList<>();
            for (String entry : text.split(",")) {
                if (!entry.isBlank()) {
                    refs.add(parse(entry.trim()));
                }
            }
            return refs;
        }

        static SecretRef parse(String entry) {
            int equals = entry.indexOf('=');
            String target = equals < 0 ? "" : entry.substring(equals + 1).trim();
            boolean optional = target.endsWith("?");
            if (optional) {
                target = target.substring(0, target.length() - 1);
            }
            int slash = target.indexOf('/');
            if (equals <= 0 || slash <= 0 || slash == target.length() - 1) {
                throw new IllegalArgumentException("taskstream.secrets.dapr.refs: '" + entry
                        + "' is not VARIABLE=secret/key (a trailing ? makes it optional)");
            }
            return new SecretRef(entry.substring(0, equals).trim(), target.substring(0, slash), target.substring(slash + 1),
                    optional);
        }

        @Override
        public String toString() {
            return variable + "=" + secret + "/" + key + (optional ? "?" : "");
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        DaprSecretStoreProperties properties = Binder.get(env)
                .bindOrCreate(DaprSecretStoreProperties.PREFIX, DaprSecretStoreProperties.class);
        String store = properties.store() == null ? "" : properties.store().trim();
        if (store.isEmpty()) {
            return;
        }
        List<SecretRef> refs = SecretRef.parseAll(properties.refs() == null ? "" : properties.refs());
        if (refs.isEmpty()) {
            throw new IllegalStateException("taskstream.secrets.dapr.store is set but taskstream.secrets.dapr.refs names no secret");
        }
        DaprProperties dapr = TaskstreamEnvironmentPostProcessor.sidecar(env);
        Sidecar sidecar = new Sidecar(URI.create("http://127.0.0.1:" + dapr.httpPort()), dapr.apiToken(), properties.sidecarWait());
        Map<String, Object> values = read(sidecar, store, refs);
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(SOURCE_NAME, values);
        if (env.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            env.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            env.getPropertySources().addLast(source);
        }
        log.info("Read " + values.keySet() + " from Dapr secret store '" + store + "'");
    }

    private Map<String, Object> read(Sidecar sidecar, String store, List<SecretRef> refs) {
        sidecar.awaitReady();
        Map<String, JsonNode> secrets = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (SecretRef ref : refs) {
            JsonNode secret = secrets.computeIfAbsent(ref.secret(), name -> sidecar.secret(store, name, ref));
            JsonNode value = secret == null ? null : secret.get(ref.key());
            if (value != null && value.isString() && !value.asString().isEmpty()) {
                values.put(ref.variable(), value.asString());
            } else if (!ref.optional()) {
                throw new IllegalStateException("Dapr secret store '" + store + "' has no value for " + ref
                        + " (mark it optional with a trailing '?')");
            }
        }
        return values;
    }

    /** The few calls of the sidecar's HTTP API needed before the application context exists. */
    private static final class Sidecar {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI base;
        private final String apiToken;
        private final Duration wait;

        Sidecar(URI base, String apiToken, Duration wait) {
            this.base = base;
            this.apiToken = apiToken;
            this.wait = wait;
        }

        /** Waits until the sidecar can reach its components (outbound health 204). */
        void awaitReady() {
            Instant deadline = Instant.now().plus(wait);
            String last = "no answer";
            while (true) {
                try {
                    HttpResponse<String> response = send("/v1.0/healthz/outbound");
                    if (response.statusCode() / 100 == 2) {
                        return;
                    }
                    last = "HTTP " + response.statusCode();
                } catch (IOException e) {
                    last = e.toString();
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Dapr sidecar at " + base + " not ready after " + wait + " (" + last
                            + "); secrets cannot be read");
                }
                sleep();
            }
        }

        /** The secret's keys and values, or null when the store has no such secret (204). */
        JsonNode secret(String store, String name, SecretRef wantedBy) {
            HttpResponse<String> response;
            try {
                response = send("/v1.0/secrets/" + encode(store) + "/" + encode(name));
            } catch (IOException e) {
                throw new IllegalStateException("Dapr secret store '" + store + "' unreachable reading " + wantedBy, e);
            }
            if (response.statusCode() == 204) {
                return null;
            }
            if (response.statusCode() != 200) {
                // Dapr's error body names the store and secret, never a value.
                throw new IllegalStateException("Dapr secret store '" + store + "' answered HTTP " + response.statusCode()
                        + " reading " + wantedBy + ": " + response.body());
            }
            return JsonMapper.shared().readTree(response.body());
        }

        private HttpResponse<String> send(String path) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET();
            if (apiToken != null && !apiToken.isBlank()) {
                request.header("dapr-api-token", apiToken);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading Dapr secrets", e);
            }
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static void sleep() {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Dapr sidecar", e);
            }
        }
    }

    /** Before the aliases, which may map a secret read here (DATABASE_URL, BETTER_AUTH_SECRET) onto properties. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
