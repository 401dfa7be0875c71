package io.taskstream.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls the user's webhook: {@code POST} of the reminder as JSON with
 * {@code X-Taskstream-Signature: sha256=<hex HMAC-SHA256 of the body with the user's secret>}. Only http(s),
 * no redirects, no proxy, and, unless the admin allows private networks, never to an address inside our
 * network: the client's own DNS lookup refuses a host with any internal address ({@link NetworkGuard}), and
 * the connection goes to exactly the addresses that lookup checked — a host that re-resolves to an internal
 * address between a check and the connection (DNS rebinding) has no second lookup to exploit. Consecutive
 * failures are counted per user; at the limit the webhook is disabled until the user enables it again.
 */
class WebhookChannel {

    static final String SIGNATURE_HEADER = "X-Taskstream-Signature";
    private static final MediaType JSON = MediaType.get("application/json");

    /** Hosts the client connects to without any lookup (OkHttp's own test for an IP address literal). */
    private static final Pattern IP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private final OkHttpClient http;
    private final Dns guard;
    private final NotificationProperties properties;
    private final NotificationRepository repository;
    private final Clock clock;

    WebhookChannel(NotificationProperties properties, NotificationRepository repository, Clock clock) {
        this(properties, repository, clock, Dns.SYSTEM);
    }

    /** With the resolver behind the guard (the system's, or a test's). */
    WebhookChannel(NotificationProperties properties, NotificationRepository repository, Clock clock, Dns resolver) {
        this.properties = properties;
        this.repository = repository;
        this.clock = clock;
        Duration timeout = properties.webhook().timeout();
        this.guard = properties.webhook().allowPrivateNetworks() ? resolver : new NetworkGuard(resolver);
        this.http = new OkHttpClient.Builder()
                .dns(guard)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .callTimeout(timeout)
                .build();
    }

    void send(UUID user, NotificationSettings settings, String body) {
        HttpUrl url = HttpUrl.parse(settings.webhookUrl());
        if (url == null) {
            throw new IllegalStateException("webhook URL is not an http(s) URL");
        }
        if (IP_LITERAL.matcher(url.host()).matches()) {
            try {
                guard.lookup(url.host()); // an address literal: parsed, not resolved, and never seen by the client's Dns
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        Request request = new Request.Builder().url(url)
                .header("User-Agent", "Taskstream-Webhook/1")
                .header(SIGNATURE_HEADER, "sha256=" + sign(settings.webhookSecret(), body))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("webhook answered " + response.code());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook call failed: " + e.getMessage(), e);
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
        repository.webhookFailed(user, properties.webhook().maxConsecutiveFailures(), clock.instant());
    }

    void succeeded(UUID user) {
        repository.webhookSucceeded(user);
    }

    /**
     * The lookup of the webhook client: refuses a host when any of its addresses is inside a private,
     * loopback, link-local or otherwise internal range, also one embedded in an IPv6 address
     * ({@link InternalAddresses}), and otherwise hands the checked addresses to the connection.
     */
    static final class NetworkGuard implements Dns {

        private final Dns resolver;

        NetworkGuard(Dns resolver) {
            this.resolver = resolver;
        }

        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            List<InetAddress> addresses = resolver.lookup(host);
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw new UnknownHostException("webhook host " + host + " resolves to the internal address "
                            + address.getHostAddress() + "; refused");
                }
            }
            return addresses;
        }

        static boolean internal(InetAddress address) {
            return InternalAddresses.internal(address);
        }
    }
}
