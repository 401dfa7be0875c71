package io.taskstream.platform.security;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The session a request belongs to, as far as we can end it: one of our access tokens (its {@code jti} and session
 * version) or one personal API token (its id). Something that lasts longer than the request (a live stream, a stream
 * ticket) keeps it, to ask {@link SessionVerifier#ended} later whether that session still stands.
 *
 * @param id the access token's {@code jti}, or the API token's id in decimal
 * @param version the access token's session version; 0 for an API token
 */
public record SessionRef(Kind kind, UUID user, String id, int version) {

    /** The kind of credential the session was opened with. */
    public enum Kind {
        ACCESS_TOKEN, API_TOKEN
    }

    /**
     * The session that authenticated the request; empty for anonymous requests and for the external issuer's tokens,
     * whose sessions that issuer keeps.
     */
    public static Optional<SessionRef> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token
                && authentication.getAuthorities().stream()
                        .noneMatch(a -> ExternalIssuerAuthentication.AUTHORITY.equals(a.getAuthority()))) {
            Jwt jwt = token.getToken();
            UUID user = uuid(jwt.getSubject());
            return user == null ? Optional.empty()
                    : Optional.of(new SessionRef(Kind.ACCESS_TOKEN, user, jwtId(jwt), sessionVersion(jwt)));
        }
        if (authentication instanceof BearerTokenAuthentication bearer && Credentials.isApiToken(authentication)) {
            Map<String, Object> attributes = bearer.getTokenAttributes();
            UUID user = uuid(bearer.getName());
            Object id = attributes.get(ApiTokenAuthenticationProvider.TOKEN_ID_ATTRIBUTE);
            return user == null || id == null ? Optional.empty()
                    : Optional.of(new SessionRef(Kind.API_TOKEN, user, id.toString(), 0));
        }
        return Optional.empty();
    }

    /** The session version the token was issued with; tokens from before the claim existed have version 0. */
    public static int sessionVersion(Jwt jwt) {
        Object version = jwt.getClaims().get(SessionVerifier.SESSION_VERSION_CLAIM);
        return version instanceof Number n ? n.intValue() : 0;
    }

    /**
     * The token's {@code jti}; a token issued before tokens had one is known by the SHA-256 of its text instead, so
     * that it too can be signed out.
     */
    public static String jwtId(Jwt jwt) {
        return jwt.getId() != null ? jwt.getId() : "sha256:" + sha256Hex(jwt.getTokenValue());
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
