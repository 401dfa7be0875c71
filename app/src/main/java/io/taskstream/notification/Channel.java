package io.taskstream.notification;

import java.util.Locale;

/** An outbound notification channel (in-app is not one: it is written with the notification itself). */
enum Channel {
    EMAIL, WEBHOOK;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
