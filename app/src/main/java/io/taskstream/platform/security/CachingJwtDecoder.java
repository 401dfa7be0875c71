package io.taskstream.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the delegate has already verified, until they expire: a client sends the same bearer token with
 * every request, and verifying it each time (signature, claim conversion, validators) was a measurable part of a
 * cheap request's CPU (JFR profile of a create, bench/core-api). Only the exact string that was verified is a hit, and
 * only until its {@code exp}; whether its session was revoked meanwhile (logout, password change, deleted account) is
 * not this cache's question: {@link RevocationCheckingJwtDecoder} asks it around this decoder, on every request.
 * Bounded: when full, it starts over.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        Instant now = clock.instant();
        if (jwt != null && usable(jwt, now)) {
            return jwt;
        }
        if (jwt != null) {
            verified.remove(token);
        }
        Jwt decoded = delegate.decode(token);
        if (decoded.getExpiresAt() != null && usable(decoded, now)) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, decoded);
        }
        return decoded;
    }

    private static boolean usable(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
