package io.taskstream.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskstream.notification.WebhookChannel.NetworkGuard;
import io.taskstream.support.WebhookReceiver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkGuardTest {

    private static final String HOOK_HOST = "hooks.example.test";

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "255.255.255.255", "224.0.0.1", "::1", "::", "fe80::1",
            "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(NetworkGuard.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(NetworkGuard.internal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "::1"})
    void aHostResolvingToLoopbackIsRefused(String host) {
        assertThatThrownBy(() -> new NetworkGuard(Dns.SYSTEM).lookup(host))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("internal address");
    }

    @Test
    void aHostnameThatResolvesInsideOurNetworkAtCallTimeIsNeverConnectedTo() {
        AtomicInteger lookups = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = channel(false, host -> {
                lookups.incrementAndGet();
                return List.of(InetAddress.getLoopbackAddress());
            });

            assertThatThrownBy(() -> channel.send(UUID.randomUUID(), settings(hookUrl(receiver)), "{}"))
                    .hasMessageContaining("internal address");
            assertThat(receiver.calls("/hook")).isEmpty();
            assertThat(lookups).as("one resolution, checked, and no other").hasValue(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "2130706433", "10.0.0.1"})
    void anAddressLiteralInsideOurNetworkIsRefusedThoughNoLookupHappens(String host) {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = channel(false, Dns.SYSTEM);
            String url = "http://" + host + ":" + URI.create(receiver.url("/hook")).getPort() + "/hook";

            assertThatThrownBy(() -> channel.send(UUID.randomUUID(), settings(url), "{}"))
                    .hasMessageContaining("internal address");
            assertThat(receiver.calls("/hook")).isEmpty();
        }
    }

    @Test
    void theConnectionGoesToTheAddressesTheGuardedLookupReturned() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = channel(true, host -> {
                assertThat(host).isEqualTo(HOOK_HOST);
                return List.of(InetAddress.getLoopbackAddress());
            });

            channel.send(UUID.randomUUID(), settings(hookUrl(receiver)), "{\"title\":\"Water plants\"}");

            assertThat(receiver.calls("/hook")).singleElement().satisfies(call -> {
                assertThat(call.body()).isEqualTo("{\"title\":\"Water plants\"}");
                assertThat(call.signature()).isEqualTo("sha256=" + WebhookChannel.sign("s3cret", call.body()));
                assertThat(call.contentType()).startsWith("application/json");
            });
        }
    }

    private static WebhookChannel channel(boolean allowPrivateNetworks, Dns resolver) {
        NotificationProperties properties = new NotificationProperties(
                new NotificationProperties.Delivery(1, Duration.ofSeconds(1)),
                new NotificationProperties.Email("Taskstream <n@taskstream.invalid>"),
                new NotificationProperties.Webhook(Duration.ofSeconds(2), 5, allowPrivateNetworks));
        return new WebhookChannel(properties, null, Clock.systemUTC(), resolver);
    }

    /** The receiver's URL with its loopback address replaced by a name only the test resolver knows. */
    private static String hookUrl(WebhookReceiver receiver) {
        URI local = URI.create(receiver.url("/hook"));
        return "http://" + HOOK_HOST + ":" + local.getPort() + local.getPath();
    }

    private static NotificationSettings settings(String url) {
        return new NotificationSettings(true, false, null, true, url, "s3cret", 0);
    }
}
