package io.taskstream.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.taskstream.support.FakeOidcProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

class ExternalIssuerAuthenticationTest {

    @Test
    void anIssuerThatCannotBeReachedFailsTheTokenAsAJwtErrorNotAServerError() throws Exception {
        String token;
        String issuer;
        try (FakeOidcProvider stopped = new FakeOidcProvider()) {
            issuer = stopped.issuer();
            token = stopped.token("sub", Map.of());
        }

        assertThatThrownBy(() -> ExternalIssuerAuthentication.decoder(issuer, null).decode(token))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(JwtDecoderInitializationException.class);
    }

    @Test
    void anIssuerAnsweringNoDiscoveryDocumentFailsTheTokenAsAJwtError() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("hi".getBytes());
            exchange.close();
        });
        server.start();
        try (FakeOidcProvider other = new FakeOidcProvider()) {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThatThrownBy(() -> ExternalIssuerAuthentication.decoder(issuer, null).decode(other.token("s", Map.of())))
                    .isInstanceOf(JwtException.class);
        } finally {
            server.stop(0);
        }
    }
}
