package io.taskstream.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications, channel settings and deliveries in PostgreSQL, always scoped by user. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, "
            + "fired_at, late, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification of a firing unless it exists (a redelivered event); empty then. */
    Optional<Notification> insert(Notification n, Instant now) {
        return jdbc.sql("insert into notification (user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, "
                        + "fired_at, late, created_at) values (:user, :firing, :task, :reminder, :title, :due, :remindAt, "
                        + ":firedAt, :late, :now) on conflict (firing_id) do nothing returning " + COLUMNS)
                .param("user", n.userId())
                .param("firing", n.firingId())
                .param("task", n.taskId())
                .param("reminder", n.reminderId())
                .param("title", n.title())
                .param("due", ts(n.dueAt()))
                .param("remindAt", ts(n.remindAt()))
                .param("firedAt", ts(n.firedAt()))
                .param("late", n.late())
                .param("now", ts(now))
                .query(NotificationRepository::map)
                .optional();
    }

    List<Notification> list(UUID user, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where user_id = :user order by id desc limit :limit")
                .param("user", user).param("limit", limit).query(NotificationRepository::map).list();
    }

    Optional<Notification> find(UUID user, long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where user_id = :user and id = :id")
                .param("user", user).param("id", id).query(NotificationRepository::map).optional();
    }

    Optional<Notification> setRead(UUID user, long id, boolean read, Instant now) {
        return jdbc.sql("update notification set read_at = case when :read then coalesce(read_at, :now) end "
                        + "where user_id = :user and id = :id returning " + COLUMNS)
                .param("read", read).param("now", ts(now)).param("user", user).param("id", id)
                .query(NotificationRepository::map).optional();
    }

    /** Reads every unread notification of the user; returns their ids. */
    List<Long> readAll(UUID user, Instant now) {
        return jdbc.sql("update notification set read_at = :now where user_id = :user and read_at is null returning id")
                .param("now", ts(now)).param("user", user).query(Long.class).list();
    }

    /** Reads the user's unread notifications about the task; returns their ids. */
    List<Long> readOfTask(UUID user, long task, Instant now) {
        return jdbc.sql("update notification set read_at = :now where user_id = :user and task_id = :task "
                        + "and read_at is null returning id")
                .param("now", ts(now)).param("user", user).param("task", task).query(Long.class).list();
    }

    NotificationSettings settings(UUID user) {
        return jdbc.sql("select * from notification_settings where user_id = :user")
                .param("user", user)
                .query((rs, n) -> new NotificationSettings(rs.getBoolean("in_app"), rs.getBoolean("email_enabled"),
                        rs.getString("email_address"), rs.getBoolean("webhook_enabled"), rs.getString("webhook_url"),
                        rs.getString("webhook_secret"), rs.getInt("webhook_failures")))
                .optional()
                .orElse(NotificationSettings.DEFAULTS);
    }

    void saveSettings(UUID user, NotificationSettings s, Instant now) {
        jdbc.sql("insert into notification_settings (user_id, in_app, email_enabled, email_address, webhook_enabled, "
                        + "webhook_url, webhook_secret, webhook_failures, webhook_disabled_at, updated_at) values (:user, :inApp, "
                        + ":emailEnabled, :email, :webhookEnabled, :url, :secret, :failures, null, :now) "
                        + "on conflict (user_id) do update set in_app = excluded.in_app, email_enabled = excluded.email_enabled, "
                        + "email_address = excluded.email_address, webhook_enabled = excluded.webhook_enabled, "
                        + "webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, "
                        + "webhook_failures = excluded.webhook_failures, webhook_disabled_at = null, updated_at = excluded.updated_at")
                .param("user", user)
                .param("inApp", s.inApp())
                .param("emailEnabled", s.emailEnabled())
                .param("email", s.emailAddress())
                .param("webhookEnabled", s.webhookEnabled())
                .param("url", s.webhookUrl())
                .param("secret", s.webhookSecret())
                .param("failures", s.webhookFailures())
                .param("now", ts(now))
                .update();
    }

    /** Records an outbound delivery to make, once per (firing, channel); false when it already was. */
    boolean addDelivery(UUID firing, String channel, UUID user, String payload, Instant now) {
        return jdbc.sql("insert into notification_delivery (firing_id, channel, user_id, payload, status, created_at) "
                        + "values (:firing, :channel, :user, :payload::jsonb, 'pending', :now) on conflict do nothing")
                .param("firing", firing).param("channel", channel).param("user", user).param("payload", payload)
                .param("now", ts(now))
                .update() == 1;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getObject("user_id", UUID.class), rs.getObject("firing_id", UUID.class),
                rs.getLong("task_id"), rs.getString("reminder_id"), rs.getString("title"), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("remind_at")), instant(rs.getTimestamp("fired_at")), rs.getBoolean("late"),
                instant(rs.getTimestamp("read_at")));
    }

    /** The user's rows for the data export, as one JSON document. */
    String export(UUID user) {
        return jdbc.sql("""
                select json_build_object(
                    'settings', (select row_to_json(s) from (
                        select in_app as "inApp", email_enabled as "emailEnabled", email_address as "emailAddress",
                               webhook_enabled as "webhookEnabled", webhook_url as "webhookUrl",
                               webhook_disabled_at as "webhookDisabledAt", updated_at as "updatedAt"
                        from notification_settings where user_id = :user) s),
                    'items', (select coalesce(json_agg(n order by n.id), '[]'::json) from (
                        select id, task_id as "taskId", reminder_id as "reminderId", title, due_at as "dueAt",
                               remind_at as "remindAt", fired_at as "firedAt", late, read_at as "readAt",
                               created_at as "createdAt"
                        from notification where user_id = :user) n))::text""")
                .param("user", user)
                .query(String.class)
                .single();
    }

    /** A delivery still to send: its payload (JSON text) and how many attempts failed so far. */
    record PendingDelivery(String payload, int attempts) {
    }

    /** The delivery of the firing on the channel, while it is pending. */
    Optional<PendingDelivery> pendingDelivery(UUID firing, String channel) {
        return jdbc.sql("select payload::text, attempts from notification_delivery "
                        + "where firing_id = :firing and channel = :channel and status = 'pending'")
                .param("firing", firing).param("channel", channel)
                .query((rs, n) -> new PendingDelivery(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    /** Records a failed attempt; the last one marks the delivery failed. */
    void deliveryAttemptFailed(UUID firing, String channel, int attempts, String error, boolean last) {
        jdbc.sql("update notification_delivery set attempts = :attempts, last_error = :error, "
                        + "status = case when :last then 'failed' else status end "
                        + "where firing_id = :firing and channel = :channel")
                .param("attempts", attempts).param("error", error).param("last", last)
                .param("firing", firing).param("channel", channel).update();
    }

    /** Ends the delivery ({@code sent} or {@code failed}), counting this attempt; {@code sentAt} only when sent. */
    void finishDelivery(UUID firing, String channel, String status, String error, Instant sentAt) {
        jdbc.sql("update notification_delivery set status = :status, attempts = attempts + 1, last_error = :error, "
                        + "sent_at = :sentAt where firing_id = :firing and channel = :channel")
                .param("status", status).param("error", error)
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
                .param("firing", firing).param("channel", channel).update();
    }

    /** Counts a failed webhook call; disables the webhook at {@code max} consecutive failures. */
    void webhookFailed(UUID user, int max, Instant now) {
        jdbc.sql("update notification_settings set webhook_failures = webhook_failures + 1, "
                        + "webhook_enabled = webhook_enabled and webhook_failures + 1 < :max, "
                        + "webhook_disabled_at = case when webhook_failures + 1 >= :max then :now else webhook_disabled_at end "
                        + "where user_id = :user")
                .param("max", max)
                .param("now", Timestamp.from(now))
                .param("user", user)
                .update();
    }

    void webhookSucceeded(UUID user) {
        jdbc.sql("update notification_settings set webhook_failures = 0 where user_id = :user and webhook_failures > 0")
                .param("user", user).update();
    }
}
