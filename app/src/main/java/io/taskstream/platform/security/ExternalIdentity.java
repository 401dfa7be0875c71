package io.taskstream.platform.security;

import org.springframework.lang.Nullable;

/**
 * Who an external OpenID Connect issuer says the bearer of a valid token is: the issuer and its stable subject,
 * and the profile claims that came with it ({@code email}, {@code email_verified}, {@code name},
 * {@code zoneinfo}), any of which may be missing.
 */
public record ExternalIdentity(String issuer, String subject, @Nullable String email, boolean emailVerified,
        @Nullable String name, @Nullable String zoneInfo) {
}
