package io.taskstream.notification;

/**
 * A user's channels. Absent settings mean: in-app only.
 *
 * @param emailAddress where email goes; null means the account's email
 * @param webhookSecret the HMAC key of webhook signatures (never shown again after it was set or generated)
 * @param webhookFailures consecutive failed webhook deliveries; the webhook is disabled at the limit
 */
record NotificationSettings(boolean inApp, boolean emailEnabled, String emailAddress, boolean webhookEnabled,
        String webhookUrl, String webhookSecret, int webhookFailures) {

    static final NotificationSettings DEFAULTS = new NotificationSettings(true, false, null, false, null, null, 0);
}
