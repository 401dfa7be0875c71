package io.taskstream.notification;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Reminder emails over SMTP ({@code spring.mail.*}), to the chosen address or the account's email. */
class EmailChannel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH);

    private final ObjectProvider<JavaMailSender> mail;
    private final UserDirectory users;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, UserDirectory users, NotificationProperties properties) {
        this.mail = mail;
        this.users = users;
        this.properties = properties;
    }

    void send(UserId user, NotificationSettings settings, tools.jackson.databind.JsonNode reminder) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("email is not configured (spring.mail.host)");
        }
        String to = settings.emailAddress() != null ? settings.emailAddress()
                : users.emailOf(user).orElseThrow(() -> new IllegalStateException("the account no longer exists"));
        ZoneId zone = users.zoneOf(user);
        String title = reminder.get("title").asString();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.email().from());
        message.setTo(to);
        message.setSubject("Reminder: " + title);
        String due = reminder.hasNonNull("dueAt")
                ? "It is due " + WHEN.format(Instant.parse(reminder.get("dueAt").asString()).atZone(zone)) + " (" + zone + ")."
                : "It has no due date.";
        message.setText("This is your reminder for \"" + title + "\".\n" + due + "\n\n-- Taskstream\n");
        sender.send(message);
    }
}
