package io.taskstream.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Issues and redeems the single-use tickets that open a live stream without an Authorization header. */
@Component
class StreamTickets {

    static final Duration TTL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StreamTickets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Ticket issue(UUID user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(TTL);
        jdbc.sql("delete from stream_ticket where expires_at < :now").param("now", Timestamp.from(now)).update();
        jdbc.sql("insert into stream_ticket (ticket_hash, user_id, expires_at) values (:hash, :user, :expires)")
                .param("hash", hash(ticket))
                .param("user", user)
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new Ticket(ticket, expiresAt);
    }

    /** Consumes the ticket: true once, for the user it was issued to, before it expires. */
    @Transactional
    boolean redeem(UUID user, String ticket) {
        Optional<UUID> owner = jdbc.sql("delete from stream_ticket where ticket_hash = :hash and expires_at > :now "
                        + "returning user_id")
                .param("hash", hash(ticket))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional();
        return owner.isPresent() && owner.get().equals(user);
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
