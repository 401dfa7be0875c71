package io.taskstream.notification;

import io.taskstream.account.UserId;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.reminder.Snoozes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification use cases of one user: list, read, snooze, and the channel settings. Every change of what is read
 * is announced to the user's open pages ({@link ReadAnnouncements}).
 */
@Service
class NotificationService {

    static final int MAX_LIST = 200;
    static final Duration MIN_SNOOZE = Duration.ofSeconds(1);
    static final Duration MAX_SNOOZE = Duration.ofDays(7);

    private final NotificationRepository store;
    private final Snoozes snoozes;
    private final WebhookUrls webhookUrls;
    private final ReadAnnouncements announcements;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    NotificationService(NotificationRepository store, Snoozes snoozes, WebhookUrls webhookUrls,
            ReadAnnouncements announcements, Clock clock) {
        this.store = store;
        this.snoozes = snoozes;
        this.webhookUrls = webhookUrls;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Notification> list(UserId user, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ClientErrorException.invalid("limit", "must be between 1 and " + MAX_LIST);
        }
        return store.list(user.value(), limit);
    }

    @Transactional
    public Notification markRead(UserId user, long id, boolean read) {
        Notification n = store.setRead(user.value(), id, read, clock.instant()).orElseThrow(() -> notFound(id));
        announcements.announce(user.value(), List.of(n.id()), read);
        return n;
    }

    /** Reads every unread notification of the user; returns how many there were. */
    @Transactional
    public int readAll(UserId user) {
        List<Long> read = store.readAll(user.value(), clock.instant());
        announcements.announce(user.value(), read, true);
        return read.size();
    }

    /**
     * Fires the notification's reminder again after {@code delay}; returns when. The snoozed notification is read
     * now: the snooze's own notification takes its place, so one reminder never counts twice.
     */
    @Transactional
    public Instant snooze(UserId user, long id, Duration delay) {
        if (delay == null || delay.compareTo(MIN_SNOOZE) < 0 || delay.compareTo(MAX_SNOOZE) > 0) {
            throw ClientErrorException.invalid("for", "must be an ISO-8601 duration from PT1S to P7D, such as PT10M");
        }
        Notification n = store.find(user.value(), id).orElseThrow(() -> notFound(id));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(delay);
        snoozes.snooze(user, n.taskId(), "n" + n.id(), at);
        if (!n.read()) {
            store.setRead(user.value(), id, true, clock.instant());
            announcements.announce(user.value(), List.of(n.id()), true);
        }
        return at;
    }

    @Transactional(readOnly = true)
    public NotificationSettings settings(UserId user) {
        return store.settings(user.value());
    }

    /**
     * Replaces the channel settings. A webhook needs an http(s) URL; without a secret in the request the
     * stored one is kept, or one is generated. Returns the settings and the secret to show once (null when
     * it was neither set nor generated now). Enabling the webhook again resets its failure count.
     */
    @Transactional
    public SavedSettings saveSettings(UserId user, SettingsCommand command) {
        NotificationSettings current = store.settings(user.value());
        String url = command.webhookUrl() == null || command.webhookUrl().isBlank() ? null : command.webhookUrl().strip();
        if (command.webhookEnabled() && url == null) {
            throw ClientErrorException.invalid("webhook.url", "is required when the webhook is enabled");
        }
        if (url != null) {
            webhookUrls.checkSyntax(url);
        }
        String secret = command.webhookSecret();
        String shown = null;
        if (secret != null) {
            if (secret.length() < 16 || secret.length() > 200) {
                throw ClientErrorException.invalid("webhook.secret", "must be 16 to 200 characters");
            }
            shown = secret;
        } else if (current.webhookSecret() != null) {
            secret = current.webhookSecret();
        } else if (url != null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            shown = secret;
        }
        NotificationSettings saved = new NotificationSettings(command.inApp(), command.emailEnabled(),
                command.emailAddress(), command.webhookEnabled(), url, secret, 0);
        store.saveSettings(user.value(), saved, clock.instant());
        return new SavedSettings(saved, shown);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Notification " + id + " does not exist");
    }

    record SettingsCommand(boolean inApp, boolean emailEnabled, String emailAddress, boolean webhookEnabled,
            String webhookUrl, String webhookSecret) {
    }

    record SavedSettings(NotificationSettings settings, String shownSecret) {
    }
}
