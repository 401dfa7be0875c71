package io.taskstream.account;

import io.taskstream.platform.security.AuthProperties;
import io.taskstream.platform.security.SessionRef;
import io.taskstream.platform.security.SessionVerifier;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
class SessionRepository implements SessionVerifier {

    private static final Logger log = LoggerFactory.getLogger(SessionRepository.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionRepository(JdbcClient jdbc, Clock clock) {
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

    /**
     * One statement for any number of sessions: they go as one JSON parameter (no limit on bind parameters, one plan),
     * each checked by the same primary-key reads as {@link #isActive}, or for an API token by its id, owner and
     * expiry.
     */
    @Override
    public Set<SessionRef> ended(Collection<SessionRef> sessions) {
        if (sessions.isEmpty()) {
            return Set.of();
        }
        List<SessionRef> asked = new ArrayList<>(sessions);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < asked.size(); i++) {
            SessionRef session = asked.get(i);
            json.append(i == 0 ? "" : ",").append("{\"i\":").append(i)
                    .append(",\"k\":\"").append(session.kind() == SessionRef.Kind.API_TOKEN ? "api" : "jwt")
                    .append("\",\"u\":\"").append(session.user())
                    .append("\",\"j\":\"").append(jsonText(session.id()))
                    .append("\",\"v\":").append(session.version()).append('}');
        }
        json.append(']');
        List<Integer> ended = jdbc.sql("""
                        select s.i from jsonb_to_recordset(cast(:sessions as jsonb)) as s(i int, k text, u uuid, j text, v int)
                        where case when s.k = 'api' then not exists (
                                       select 1 from api_token t where t.id = cast(s.j as bigint) and t.user_id = s.u
                                          and (t.expires_at is null or t.expires_at > :now))
                                   else not exists (select 1 from app_user a where a.id = s.u and a.session_version = s.v)
                                       or exists (select 1 from revoked_token r where r.jti = s.j) end""")
                .param("sessions", json.toString())
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class)
                .list();
        Set<SessionRef> result = new HashSet<>();
        ended.forEach(i -> result.add(asked.get(i)));
        return result;
    }

    private static String jsonText(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
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
        return SessionRef.sessionVersion(jwt);
    }

    /** The token's {@code jti}, or for a token issued before tokens had one the SHA-256 of its text. */
    static String idOf(Jwt jwt) {
        return SessionRef.jwtId(jwt);
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
