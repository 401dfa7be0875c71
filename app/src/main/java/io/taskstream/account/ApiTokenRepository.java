package io.taskstream.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens in PostgreSQL: hashes only, scoped by the owning user. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as listed: never its secret. */
    record StoredToken(long id, UUID userId, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }

    StoredToken insert(UUID user, String name, String hash, Instant now, Instant expiresAt) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash, created_at, expires_at) "
                        + "values (:user, :name, :hash, :now, :expires) "
                        + "returning id, user_id, name, created_at, last_used_at, expires_at")
                .param("user", user)
                .param("name", name)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(ApiTokenRepository::map)
                .single();
    }

    long count(UUID user) {
        return jdbc.sql("select count(*) from api_token where user_id = :user").param("user", user).query(Long.class).single();
    }

    List<StoredToken> list(UUID user) {
        return jdbc.sql("select id, user_id, name, created_at, last_used_at, expires_at from api_token "
                        + "where user_id = :user order by created_at, id")
                .param("user", user)
                .query(ApiTokenRepository::map)
                .list();
    }

    boolean delete(UUID user, long id) {
        return jdbc.sql("delete from api_token where id = :id and user_id = :user")
                .param("id", id).param("user", user).update() == 1;
    }

    /** The token with this hash that has not expired at {@code now}. */
    Optional<StoredToken> findValid(String hash, Instant now) {
        return jdbc.sql("select id, user_id, name, created_at, last_used_at, expires_at from api_token "
                        + "where token_hash = :hash and (expires_at is null or expires_at > :now)")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query(ApiTokenRepository::map)
                .optional();
    }

    /** Records use, at most once per {@code granularity}, so that authentication rarely writes. */
    void touch(long id, Instant now, Duration granularity) {
        jdbc.sql("update api_token set last_used_at = :now where id = :id "
                        + "and (last_used_at is null or last_used_at < :threshold)")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("threshold", Timestamp.from(now.minus(granularity)))
                .update();
    }

    private static StoredToken map(ResultSet rs, int row) throws SQLException {
        return new StoredToken(rs.getLong("id"), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
