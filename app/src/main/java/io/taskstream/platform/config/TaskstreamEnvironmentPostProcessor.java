package io.taskstream.platform.config;

import io.taskstream.platform.roles.Role;
import io.taskstream.platform.roles.Roles;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts the environment variable names that deployments and common platforms use, mapping them onto
 * Spring properties, and decides whether the app must start its own PostgreSQL.
 *
 * <ul>
 *   <li>{@code DATABASE_URL} ({@code postgresql://user:pass@host:5432/db?sslmode=require}) becomes
 *       {@code spring.datasource.url/username/password} unless {@code spring.datasource.url} is set;</li>
 *   <li>{@code TASKSTREAM_JWT_SECRET} or {@code BETTER_AUTH_SECRET} becomes {@code taskstream.auth.jwt-secret};</li>
 *   <li>{@code TASKSTREAM_OIDC_ISSUER_URI} becomes {@code taskstream.auth.oidc-issuer-uri};</li>
 *   <li>{@code TASKSTREAM_OIDC_AUDIENCE} becomes {@code taskstream.auth.oidc-audience};</li>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code spring.kafka.bootstrap-servers};</li>
 *   <li>{@code OPENAI_API_KEY} becomes {@code taskstream.ai.api-key};</li>
 *   <li>{@code DAPR_HTTP_PORT}, {@code APP_API_TOKEN} and {@code DAPR_API_TOKEN} (set by Dapr) become
 *       {@code taskstream.dapr.http-port}, {@code .app-api-token} and {@code .api-token} ({@link DaprProperties});
 *       so do the deprecated {@code taskstream.events.dapr.http-port}, {@code .app-api-token}, {@code .api-token},
 *       {@code .timeout} and {@code taskstream.reminders.dapr.api-token}, which win over Dapr's variables;</li>
 *   <li>with no datasource URL at all, {@code taskstream.database.embedded=true};</li>
 *   <li>{@code db-scheduler.enabled} (whether this process executes scheduled work) follows the roles:
 *       true where the {@code reminders} or {@code notifier} role runs.</li>
 * </ul>
 * It then refuses to start a process in a Dapr mode without an app API token ({@link DaprCallbackGuard}).
 * Explicit Spring properties always win over these aliases.
 */
public class TaskstreamEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "taskstreamAliases";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> aliases = new LinkedHashMap<>();
        if (!env.containsProperty("spring.datasource.url")) {
            String databaseUrl = env.getProperty("DATABASE_URL");
            if (databaseUrl != null && !databaseUrl.isBlank()) {
                aliases.putAll(JdbcUrls.fromDatabaseUrl(databaseUrl.trim()));
            }
        }
        alias(env, aliases, "taskstream.auth.jwt-secret", "TASKSTREAM_JWT_SECRET", "BETTER_AUTH_SECRET");
        alias(env, aliases, "taskstream.auth.oidc-issuer-uri", "TASKSTREAM_OIDC_ISSUER_URI");
        alias(env, aliases, "taskstream.auth.oidc-audience", "TASKSTREAM_OIDC_AUDIENCE");
        alias(env, aliases, "spring.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS");
        alias(env, aliases, "taskstream.ai.api-key", "OPENAI_API_KEY");
        sidecarAliases(env, aliases);
        if (!env.containsProperty("taskstream.database.embedded")) {
            boolean external = env.containsProperty("spring.datasource.url") || aliases.containsKey("spring.datasource.url");
            aliases.put("taskstream.database.embedded", Boolean.toString(!external));
        }
        if (!env.containsProperty("db-scheduler.enabled")) {
            Roles roles = Roles.from(env);
            aliases.put("db-scheduler.enabled", Boolean.toString(roles.runs(Role.REMINDERS) || roles.runs(Role.NOTIFIER)));
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, aliases));
        DaprCallbackGuard.requireToken(env);
    }

    /** Dapr's own variables, and the names the sidecar settings had before they were a group of their own. */
    private static void sidecarAliases(ConfigurableEnvironment env, Map<String, Object> aliases) {
        String dapr = DaprProperties.PREFIX;
        alias(env, aliases, dapr + ".http-port", "taskstream.events.dapr.http-port", "DAPR_HTTP_PORT");
        alias(env, aliases, dapr + ".app-api-token", "taskstream.events.dapr.app-api-token", "APP_API_TOKEN");
        alias(env, aliases, dapr + ".api-token", "taskstream.events.dapr.api-token", "taskstream.reminders.dapr.api-token",
                "DAPR_API_TOKEN");
        alias(env, aliases, dapr + ".timeout", "taskstream.events.dapr.timeout");
    }

    /** The sidecar settings as they will bind, for a lookup before the aliases are in place (secrets). */
    static DaprProperties sidecar(ConfigurableEnvironment env) {
        Map<String, Object> aliases = new LinkedHashMap<>();
        sidecarAliases(env, aliases);
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.get(env).forEach(sources::add);
        sources.add(ConfigurationPropertySource.from(new MapPropertySource(SOURCE_NAME, aliases)));
        return new Binder(sources).bindOrCreate(DaprProperties.PREFIX, DaprProperties.class);
    }

    private static void alias(ConfigurableEnvironment env, Map<String, Object> aliases, String property, String... names) {
        if (env.containsProperty(property)) {
            return;
        }
        for (String name : names) {
            String value = env.getProperty(name);
            if (value != null && !value.isBlank()) {
                aliases.put(property, value);
                return;
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Converts platform-style database URLs to JDBC settings. */
    static final class JdbcUrls {

        private JdbcUrls() {
        }

        static Map<String, Object> fromDatabaseUrl(String databaseUrl) {
            Map<String, Object> result = new LinkedHashMap<>();
            if (databaseUrl.startsWith("jdbc:")) {
                result.put("spring.datasource.url", databaseUrl);
                return result;
            }
            URI uri = URI.create(databaseUrl);
            String scheme = uri.getScheme();
            if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
                throw new IllegalArgumentException("DATABASE_URL must be a postgresql:// or jdbc: URL");
            }
            // The authority is split by hand: java.net.URI gives no host, port or user for host names that are
            // not RFC 2396 host names, such as the underscored service names of Docker Compose.
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IllegalArgumentException("DATABASE_URL must name a host");
            }
            int at = authority.lastIndexOf('@');
            String hostAndPort = authority.substring(at + 1);
            int portColon = hostAndPort.lastIndexOf(':');
            boolean hasPort = portColon > hostAndPort.lastIndexOf(']') && portColon < hostAndPort.length() - 1;
            String host = hasPort ? hostAndPort.substring(0, portColon) : hostAndPort.replaceFirst(":$", "");
            String port = hasPort ? hostAndPort.substring(portColon + 1) : "5432";
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                    .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                jdbc.append('?').append(uri.getRawQuery().replace("channel_binding=require", "channelBinding=require"));
            }
            result.put("spring.datasource.url", jdbc.toString());
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                result.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    result.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
                }
            }
            return result;
        }

        /** Percent-decoding only: unlike form encoding, a '+' in a URL's user info is a plus. */
        private static String decode(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
