package io.taskstream.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account each identity of the external OpenID Connect issuer is bound to. */
@Repository
class ExternalIdentityRepository {

    private final JdbcClient jdbc;

    ExternalIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> userOf(String issuer, String subject) {
        return jdbc.sql("select user_id from external_identity where issuer = :issuer and subject = :subject")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(UUID.class)
                .optional();
    }

    /** Binds the identity to the user unless it is already bound (to anyone): a concurrent first sight wins once. */
    void bind(String issuer, String subject, UUID user, Instant now) {
        jdbc.sql("""
                        insert into external_identity (issuer, subject, user_id, created_at)
                        values (:issuer, :subject, :user, :now)
                        on conflict do nothing""")
                .param("issuer", issuer)
                .param("subject", subject)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update();
    }
}
