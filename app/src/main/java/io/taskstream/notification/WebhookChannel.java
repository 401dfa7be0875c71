package io.taskstream.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls the user's webhook: {@code POST} of the reminder as JSON with
 * {@code X-Taskstream-Signature: sha256=<hex HMAC-SHA256 of the body with the user's secret>}. Only http(s),
 * no redirects, and, unless the admin allows private networks, never to an address inside our network
 * (the host is resolved and every address checked, see {@link NetworkGuard}). Consecutive failures are
 * counted per user; at the limit the webhook is disabled until the user enables it again.
 */
class WebhookChannel {

    static final String SIGNATURE_HEADER = "X-Taskstream-Signature";

    private final HttpClient http;
    private final NotificationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookChannel(NotificationProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(UUID user, NotificationSettings settings, String body) {
        URI uri = URI.create(settings.webhookUrl());
        if (!properties.webhook().allowPrivateNetworks()) {
            NetworkGuard.requirePublic(uri.getHost());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Taskstream-Webhook/1")
                .header(SIGNATURE_HEADER, "sha256=" + sign(settings.webhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered " + response.statusCode());
        }
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts a failed call; disables the webhook at the limit. In the caller's transaction. */
    void failed(UUID user) {
        jdbc.sql("update notification_settings set webhook_failures = webhook_failures + 1, "
                        + "webhook_enabled = webhook_enabled and webhook_failures + 1 < :max, "
                        + "webhook_disabled_at = case when webhook_failures + 1 >= :max then :now else webhook_disabled_at end "
                        + "where user_id = :user")
                .param("max", properties.webhook().maxConsecutiveFailures())
                .param("now", Timestamp.from(clock.instant()))
                .param("user", user)
                .update();
    }

    void succeeded(UUID user) {
        jdbc.sql("update notification_settings set webhook_failures = 0 where user_id = :user and webhook_failures > 0")
                .param("user", user).update();
    }

    /** Refuses hosts that resolve to any address inside a private, loopback, link-local or otherwise internal range. */
    static final class NetworkGuard {

        private NetworkGuard() {
        }

        static void requirePublic(String host) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("webhook host " + host + " does not resolve");
            }
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw new IllegalStateException("webhook host " + host + " resolves to the internal address "
                            + address.getHostAddress() + "; refused");
                }
            }
        }

        static boolean internal(InetAddress address) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()) {
                return true;
            }
            byte[] b = address.getAddress();
            if (b.length == 4) {
                int first = b[0] & 0xff;
                int second = b[1] & 0xff;
                return first == 0                                   // "this" network
                        || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64/10
                        || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                        || first == 198 && (second == 18 || second == 19)    // benchmarking
                        || first >= 240;                              // reserved, broadcast
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
    }
}
