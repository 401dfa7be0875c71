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

    private static StoredAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("name"), rs.getString("time_zone"), rs.getTimestamp("created_at").toInstant());
    }

    record StoredAccount(UUID id, String email, String passwordHash, String name, String timeZone, Instant createdAt) {

        Profile profile() {
            return new Profile(id, email, name, timeZone, createdAt);
        }
    }
}
