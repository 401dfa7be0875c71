package io.taskstream.account;

import io.taskstream.platform.security.AuthProperties;
import io.taskstream.platform.security.SessionVerifier;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Which access tokens still stand for a session (ADR 035). A token is active while its account exists, carries the
 * account's current session version (a password change raises it) and is not in {@code revoked_token} (logout).
 * All of it is one primary-key read of each table per request, in PostgreSQL, which every replica shares: a
 * revocation holds at once everywhere, with no cache to invalidate. Revocations are kept until the token would have
 * expired anyway, then swept.
 */
@Component
class Sessions implements SessionVerifier {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Sessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isActive(Jwt jwt) {
        UUID user;
        try {
            user = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from app_user where id = :user and session_version = :version)
                           and not exists (select 1 from revoked_token where jti = :jti)""")
                .param("user", user)
                .param("version", versionOf(jwt))
                .param("jti", idOf(jwt))
                .query(Boolean.class)
                .single());
    }

    /** Ends the session of this token, on every replica, from the next request on. */
    void revoke(UUID user, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt() == null ? clock.instant().plusSeconds(86_400) : jwt.getExpiresAt();
        jdbc.sql("insert into revoked_token (jti, user_id, expires_at) values (:jti, :user, :expires) "
                        + "on conflict do nothing")
                .param("jti", idOf(jwt))
                .param("user", user)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The session version the token was issued with; tokens from before the claim existed have version 0. */
    static int versionOf(Jwt jwt) {
        Object version = jwt.getClaims().get(SESSION_VERSION_CLAIM);
        return version instanceof Number n ? n.intValue() : 0;
    }

    /**
     * The token's {@code jti}; a token issued before tokens had one is known by the SHA-256 of its text instead, so
     * that it too can be signed out.
     */
    static String idOf(Jwt jwt) {
        return jwt.getId() != null ? jwt.getId()
                : "sha256:" + ApiTokenService.hash(jwt.getTokenValue());
    }

    /** Deletes revocations of tokens that have expired by now: they are refused for their expiry alone. */
    @Scheduled(fixedDelayString = "#{@'" + AuthProperties.BEAN + "'.revocationSweepInterval()}", initialDelayString = "PT2M")
    int sweep() {
        int removed = jdbc.sql("delete from revoked_token where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (removed > 0) {
            log.debug("Removed {} revocations of tokens that have expired", removed);
        }
        return removed;
    }
}
