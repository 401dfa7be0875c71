package io.taskstream.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskstream.notification.WebhookChannel.NetworkGuard;
import io.taskstream.platform.problem.ClientErrorException;
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
import org.junit.jupiter.params.provider.FieldSource;
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

    /** IPv6 spellings of internal addresses: each embeds an internal IPv4 address or lies in an internal IPv6 range. */
    static final String[] INTERNAL_IPV6_FORMS = {
            "::127.0.0.1",          // IPv4-compatible loopback
            "::169.254.169.254",    // IPv4-compatible cloud metadata
            "::8.8.8.8",            // IPv4-compatible at all: deprecated, never a public address
            "::ffff:127.0.0.1",     // IPv4-mapped loopback
            "::ffff:7f00:1",        // the same in hexadecimal
            "::ffff:10.0.0.1",      // IPv4-mapped private
            "::ffff:a9fe:a9fe",     // IPv4-mapped cloud metadata
            "::ffff:0:192.168.1.1", // IPv4-translated private
            "64:ff9b::127.0.0.1",   // NAT64 loopback
            "64:ff9b::a00:1",       // NAT64 private 10.0.0.1
            "64:ff9b::a9fe:a9fe",   // NAT64 cloud metadata
            "64:ff9b:1::808:808",   // local-use NAT64 prefix
            "2002:7f00:1::",        // 6to4 of loopback
            "2002:a00:1::1",        // 6to4 of 10.0.0.1
            "2002:c0a8:101::1",     // 6to4 of 192.168.1.1
            "2002:a9fe:a9fe::",     // 6to4 of cloud metadata
            "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo with client 127.0.0.1
            "fc00::1",              // unique local
            "fdff:ffff::1",         // unique local, the other half
            "fec0::1",              // site-local (deprecated)
            "feff::1",              // site-local, its top
            "fe80::1",              // link-local
            "ff02::1",              // multicast
            "2001:db8::1",          // documentation
            "100::1"};              // discard-only

    @ParameterizedTest
    @FieldSource("INTERNAL_IPV6_FORMS")
    void ipv6FormsOfInternalAddressesAreRecognised(String address) throws Exception {
        assertThat(NetworkGuard.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @FieldSource("INTERNAL_IPV6_FORMS")
    void aHostResolvingToAnIpv6FormOfAnInternalAddressIsRefused(String address) {
        assertThatThrownBy(() -> new NetworkGuard(host -> List.of(InetAddress.getByName(address))).lookup(HOOK_HOST))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @FieldSource("INTERNAL_IPV6_FORMS")
    void anIpv6LiteralOfAnInternalAddressIsNeverConnectedTo(String address) {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = channel(false, Dns.SYSTEM);
            String url = "http://[" + address + "]:" + URI.create(receiver.url("/hook")).getPort() + "/hook";

            assertThatThrownBy(() -> channel.send(UUID.randomUUID(), settings(url), "{}"))
                    .hasMessageContaining("internal address");
            assertThat(receiver.calls("/hook")).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("INTERNAL_IPV6_FORMS")
    void anIpv6LiteralOfAnInternalAddressIsRefusedWhenSaved(String address) {
        WebhookUrls urls = new WebhookUrls(properties(false));

        assertThatThrownBy(() -> urls.checkSyntax("https://[" + address + "]/hook"))
                .isInstanceOf(ClientErrorException.class).hasMessageContaining("webhook.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://2130706433/hook", "https://[::1]/hook", "http://0.0.0.0:8080/"})
    void anIpv4OrLoopbackLiteralIsRefusedWhenSaved(String url) {
        assertThatThrownBy(() -> new WebhookUrls(properties(false)).checkSyntax(url))
                .isInstanceOf(ClientErrorException.class).hasMessageContaining("webhook.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/taskstream", "https://93.184.216.34/hook",
            "https://[2606:4700::1111]/hook", "https://[64:ff9b::808:808]/hook", "https://[2002:808:808::1]/hook",
            "https://[::ffff:8.8.8.8]/hook", "http://localhost:8080/hook"})
    void publicLiteralsAndAnyNameMayBeSaved(String url) {
        new WebhookUrls(properties(false)).checkSyntax(url); // a name is checked when called, against its addresses
    }

    @Test
    void theAdminSettingAllowsInternalLiteralsWhenSaved() {
        new WebhookUrls(properties(true)).checkSyntax("http://[::ffff:127.0.0.1]:8080/hook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
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
        return new WebhookChannel(properties(allowPrivateNetworks), null, Clock.systemUTC(), resolver);
    }

    private static NotificationProperties properties(boolean allowPrivateNetworks) {
        return new NotificationProperties(
                new NotificationProperties.Delivery(1, Duration.ofSeconds(1)),
                new NotificationProperties.Email("Taskstream <n@taskstream.invalid>"),
                new NotificationProperties.Webhook(Duration.ofSeconds(2), 5, allowPrivateNetworks));
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
