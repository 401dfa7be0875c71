package io.taskstream.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.taskstream.platform.security.SessionRef;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and redeems the single-use tickets that open a live stream without an Authorization header. A ticket
 * remembers the session that asked for it, and the stream it opens belongs to that session.
 */
@Component
class StreamTicketRepository {

    static final Duration TTL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StreamTicketRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Ticket issue(UUID user, Optional<SessionRef> session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(TTL);
        jdbc.sql("delete from stream_ticket where expires_at < :now").param("now", Timestamp.from(now)).update();
        jdbc.sql("insert into stream_ticket (ticket_hash, user_id, expires_at, session_kind, session_id, session_version) "
                        + "values (:hash, :user, :expires, :kind, :session, :version)")
                .param("hash", hash(ticket))
                .param("user", user)
                .param("expires", Timestamp.from(expiresAt))
                .param("kind", session.map(s -> s.kind().name()).orElse(null), java.sql.Types.VARCHAR)
                .param("session", session.map(SessionRef::id).orElse(null), java.sql.Types.VARCHAR)
                .param("version", session.map(SessionRef::version).orElse(null), java.sql.Types.INTEGER)
                .update();
        return new Ticket(ticket, expiresAt);
    }

    /**
     * Consumes the ticket: redeemed once, for the user it was issued to, before it expires; empty otherwise. The
     * redeemed ticket tells the session that asked for it, if it is one we can end.
     */
    @Transactional
    Optional<Redeemed> redeem(UUID user, String ticket) {
        Optional<Redeemed> redeemed = jdbc.sql("delete from stream_ticket where ticket_hash = :hash and expires_at > :now "
                        + "returning user_id, session_kind, session_id, session_version")
                .param("hash", hash(ticket))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> {
                    UUID owner = rs.getObject("user_id", UUID.class);
                    String kind = rs.getString("session_kind");
                    SessionRef session = kind == null ? null : new SessionRef(SessionRef.Kind.valueOf(kind), owner,
                            rs.getString("session_id"), rs.getInt("session_version"));
                    return new Redeemed(owner, Optional.ofNullable(session));
                })
                .optional();
        return redeemed.filter(r -> r.user().equals(user));
    }

    /** A redeemed ticket: its user, and the session that asked for it. */
    record Redeemed(UUID user, Optional<SessionRef> session) {
    }

    private static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Ticket(String ticket, Instant expiresAt) {
    }
}
