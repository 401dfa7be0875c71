package io.taskstream.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Secrets read from a Dapr secret store at start ({@code taskstream.secrets.dapr.*}), by
 * {@link DaprSecretsEnvironmentPostProcessor} before the rest of the configuration binds. Immutable, bound through
 * its constructor; a class rather than a record only because a record component cannot be called {@code wait}.
 */
@ConfigurationProperties(DaprSecretStoreProperties.PREFIX)
public final class DaprSecretStoreProperties {

    public static final String PREFIX = "taskstream.secrets.dapr";

    /** the secret store component to read from; unset, nothing is read */
    private final @Nullable String store;

    /**
     * what to read: {@code VARIABLE=secret/key} pairs separated by commas, a trailing {@code ?} making one optional,
     * e.g. {@code DATABASE_URL=taskstream-database/url,TASKSTREAM_JWT_SECRET=taskstream-secrets/jwt-secret}; each value
     * is seen like the environment variable of that name
     */
    private final @Nullable String refs;

    /** how long to wait at start for the sidecar to reach its components */
    private final Duration wait;

    public DaprSecretStoreProperties(@Nullable String store, @Nullable String refs, @DefaultValue("PT60S") Duration wait) {
        this.store = store;
        this.refs = refs;
        this.wait = wait;
    }

    public @Nullable String store() {
        return store;
    }

    public @Nullable String refs() {
        return refs;
    }

    public Duration sidecarWait() {
        return wait;
    }
}
