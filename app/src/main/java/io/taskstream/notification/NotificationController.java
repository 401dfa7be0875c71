package io.taskstream.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.notification.NotificationService.SavedSettings;
import io.taskstream.notification.NotificationService.SettingsCommand;
import io.taskstream.platform.problem.ClientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of the notification use cases. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationService notifications;
    private final UserDirectory users;

    NotificationController(NotificationService notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/notifications")
    @Operation(summary = "The user's notifications, newest first")
    List<NotificationView> list(@PathVariable UUID userId,
            @Parameter(description = "1-200, default 50") @RequestParam(required = false) Integer limit) {
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        return notifications.list(user, limit == null ? 50 : limit).stream().map(n -> NotificationView.of(n, zone)).toList();
    }

    @PatchMapping(path = "/notifications/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Mark a notification read (or unread): {\"read\": true}")
    NotificationView markRead(@PathVariable UUID userId, @PathVariable long id, @RequestBody ReadRequest request) {
        if (request == null || request.read() == null) {
            throw ClientErrorException.invalid("read", "is required (true or false)");
        }
        UserId user = new UserId(userId);
        return NotificationView.of(notifications.markRead(user, id, request.read()), users.zoneOf(user));
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "Mark every notification read")
    Map<String, Integer> readAll(@PathVariable UUID userId) {
        return Map.of("updated", notifications.readAll(new UserId(userId)));
    }

    @PostMapping(path = "/notifications/{id}/snooze", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remind again later: {\"for\": \"PT10M\"}")
    ResponseEntity<Map<String, OffsetDateTime>> snooze(@PathVariable UUID userId, @PathVariable long id,
            @RequestBody SnoozeRequest request) {
        UserId user = new UserId(userId);
        Instant until = notifications.snooze(user, id, duration(request == null ? null : request.duration()));
        return ResponseEntity.accepted().body(Map.of("remindAt", OffsetDateTime.ofInstant(until, users.zoneOf(user))));
    }

    @GetMapping("/notification-settings")
    @Operation(summary = "The user's notification channels (the webhook secret is never shown again)")
    SettingsView settings(@PathVariable UUID userId) {
        return SettingsView.of(notifications.settings(new UserId(userId)), null);
    }

    @PutMapping(path = "/notification-settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the notification channels; a webhook secret is generated when none is given and "
            + "shown in this response only")
    SettingsView saveSettings(@PathVariable UUID userId, @RequestBody SettingsRequest request) {
        if (request == null) {
            throw ClientErrorException.invalid("body", "is required");
        }
        EmailSettings email = request.email() == null ? new EmailSettings(false, null) : request.email();
        WebhookSettings webhook = request.webhook() == null ? new WebhookSettings(false, null, null) : request.webhook();
        String address = email.address() == null || email.address().isBlank() ? null : email.address().strip();
        if (address != null && (address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw ClientErrorException.invalid("email.address", "must be an email address");
        }
        SavedSettings saved = notifications.saveSettings(new UserId(userId), new SettingsCommand(
                request.inApp() == null || request.inApp(), Boolean.TRUE.equals(email.enabled()), address,
                Boolean.TRUE.equals(webhook.enabled()), webhook.url(), webhook.secret()));
        return SettingsView.of(saved.settings(), saved.shownSecret());
    }

    private static Duration duration(String text) {
        if (text == null) {
            throw ClientErrorException.invalid("for", "is required, an ISO-8601 duration such as PT10M");
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ClientErrorException.invalid("for", "must be an ISO-8601 duration from PT1S to P7D, such as PT10M");
        }
    }

    record ReadRequest(Boolean read) {
    }

    record SnoozeRequest(@com.fasterxml.jackson.annotation.JsonProperty("for") String duration) {
    }

    record SettingsRequest(Boolean inApp, EmailSettings email, WebhookSettings webhook) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EmailSettings(Boolean enabled, @Schema(description = "default: the account's email") String address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookSettings(Boolean enabled, String url,
            @Schema(description = "write-only HMAC-SHA256 key; shown once when set or generated") String secret) {

        @Override
        public String toString() {
            return "WebhookSettings[enabled=" + enabled + ", url=" + url + "]";
        }
    }

    @Schema(name = "NotificationSettings")
    record SettingsView(boolean inApp, EmailSettings email, WebhookSettings webhook) {

        static SettingsView of(NotificationSettings s, String shownSecret) {
            return new SettingsView(s.inApp(), new EmailSettings(s.emailEnabled(), s.emailAddress()),
                    new WebhookSettings(s.webhookEnabled(), s.webhookUrl(), shownSecret));
        }
    }

    @Schema(name = "Notification")
    record NotificationView(long id, long taskId, String title, @Schema(nullable = true) OffsetDateTime dueAt,
            OffsetDateTime remindAt, OffsetDateTime firedAt, boolean late, boolean read) {

        static NotificationView of(Notification n, ZoneId zone) {
            return new NotificationView(n.id(), n.taskId(), n.title(), at(n.dueAt(), zone), at(n.remindAt(), zone),
                    at(n.firedAt(), zone), n.late(), n.read());
        }

        private static OffsetDateTime at(Instant instant, ZoneId zone) {
            return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
        }
    }
}
