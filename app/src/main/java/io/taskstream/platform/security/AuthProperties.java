package io.taskstream.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Authentication settings.
 *
 * @param jwtSecret HMAC secret for our tokens, at least 32 bytes ({@code TASKSTREAM_JWT_SECRET} or
 *     {@code BETTER_AUTH_SECRET}); when absent a secret is generated once and kept in the data directory
 * @param tokenTtl lifetime of an issued access token
 * @param issuer the {@code iss} claim of our tokens
 * @param oidcIssuerUri optional external OpenID Connect issuer whose tokens are accepted as well
 *     ({@code TASKSTREAM_OIDC_ISSUER_URI}); its subjects are mapped to accounts by {@link ExternalAccounts}
 * @param oidcAudience when set, the external issuer's tokens must name it in {@code aud}
 *     ({@code TASKSTREAM_OIDC_AUDIENCE}), so tokens it issued for other applications are refused
 */
@ConfigurationProperties("taskstream.auth")
public record AuthProperties(
        @Nullable String jwtSecret,
        @DefaultValue("PT24H") Duration tokenTtl,
        @DefaultValue("taskstream") String issuer,
        @Nullable String oidcIssuerUri,
        @Nullable String oidcAudience) {
}
