package io.taskstream.platform.web;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Which peers may set X-Forwarded-For/-Proto/-Host (ADR 032): by default loopback proxies alone, so that no pod
 * or host on a private network picks its own client address (the one login throttling counts) or the scheme
 * and host of the links it is sent.
 */
class ForwardedHeadersIT extends ApiIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void byDefaultOnlyLoopbackPeersAreTrustedProxies() {
        Pattern trusted = Pattern.compile(remoteIpValve().getInternalProxies());

        assertThat(Arrays.asList("127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "::1"))
                .allMatch(address -> trusted.matcher(address).matches());
        assertThat(Arrays.asList("10.1.2.3", "172.16.5.4", "172.31.0.1", "192.168.1.1", "169.254.1.1", "100.64.0.1",
                "fd00:0:0:0:0:0:0:1", "192.0.2.2", "203.0.113.7"))
                .noneMatch(address -> trusted.matcher(address).matches());
    }

    @Test
    void aLoopbackProxyMayNameTheSchemeOfLinks() {
        Session ann = api.signup();

        Response created = api.as(ann).withHeader("X-Forwarded-Proto", "https")
                .post(ann.tasks(), task("Behind the sidecar").json());

        assertThat(created.header("Location")).startsWith("https://");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotNameTheSchemeOrHostOfLinks() throws Exception {
        Optional<String> ownAddress = nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(ownAddress.isPresent(), "no non-loopback address to connect from");
        Session ann = api.signup();

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + ownAddress.get() + ":" + port + ann.tasks()))
                .header("Authorization", "Bearer " + ann.token())
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-For", "127.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(task("From the network").json())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("http://" + ownAddress.get() + ":" + port + "/"));
    }

    private RemoteIpValve remoteIpValve() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        for (Valve valve : server.getTomcat().getEngine().getPipeline().getValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                return remoteIp;
            }
        }
        throw new AssertionError("no RemoteIpValve: forwarded headers are not handled by Tomcat");
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(a -> a.getHostAddress())
                .findFirst();
    }
}
