package io.taskstream.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; false when the email is already taken (in any letter case). */
    boolean insert(StoredAccount account) {
        int rows = jdbc.sql("""
                        insert into app_user (id, email, password_hash, name, time_zone, created_at, updated_at)
                        values (:id, :email, :hash, :name, :zone, :now, :now)
                        on conflict do nothing""")
                .param("id", account.id())
                .param("email", account.email())
                .param("hash", account.passwordHash())
                .param("name", account.name())
                .param("zone", account.timeZone())
                .param("now", Timestamp.from(account.createdAt()))
                .update();
        return rows == 1;
    }

    Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql("select * from app_user where lower(email) = lower(:email)")
                .param("email", email)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<StoredAccount> findById(UUID id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(AccountRepository::map).optional();
    }

    Optional<String> timeZoneOf(UUID id) {
        return jdbc.sql("select time_zone from app_user where id = :id").param("id", id).query(String.class).optional();
    }

    void updateProfile(UUID id, String name, String timeZone, Instant now) {
        jdbc.sql("update app_user set name = :name, time_zone = :zone, updated_at = :now where id = :id")
                .param("id", id)
                .param("name", name)
                .param("zone", timeZone)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from app_user where id = :id)").param("id", id).query(Boolean.class)
                .single();
    }

    /**
     * Replaces the password hash and raises the session version, which ends every session issued before; only if the
     * hash is still {@code previousHash} (a concurrent change wins once). The new version, or empty.
     */
    java.util.OptionalInt changePassword(UUID id, String previousHash, String newHash, Instant now) {
        return jdbc.sql("update app_user set password_hash = :hash, session_version = session_version + 1, "
                        + "updated_at = :now where id = :id and password_hash = :previous returning session_version")
                .param("id", id)
                .param("hash", newHash)
                .param("previous", previousHash)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional()
                .map(java.util.OptionalInt::of)
                .orElse(java.util.OptionalInt.empty());
    }

    /** Deletes the account; every table with a foreign key to it follows (on delete cascade). */
    boolean delete(UUID id) {
        return jdbc.sql("delete from app_user where id = :id").param("id", id).update() == 1;
    }

    private static StoredAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("name"), rs.getString("time_zone"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("session_version"));
    }

    record StoredAccount(UUID id, String email, String passwordHash, String name, String timeZone, Instant createdAt,
            int sessionVersion) {

        StoredAccount(UUID id, String email, String passwordHash, String name, String timeZone, Instant createdAt) {
            this(id, email, passwordHash, name, timeZone, createdAt, 0);
        }

        Profile profile() {
            return new Profile(id, email, name, timeZone, createdAt);
        }
    }
}
