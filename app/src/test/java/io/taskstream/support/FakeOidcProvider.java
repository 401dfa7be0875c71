package io.taskstream.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider on loopback speaking the real protocol a resource server uses: the discovery document
 * at {@code /.well-known/openid-configuration} and the JWK set it names, over HTTP (the JDK's HttpServer). Tokens are
 * RS256 JWTs signed with an RSA key generated per instance; {@link #foreignToken} signs with a key it never publishes.
 */
public final class FakeOidcProvider implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    public FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("k1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer())));
        server.createContext("/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            json(exchange, new JWKSet(key.toPublicJWK()).toString());
        });
        server.start();
    }

    /** The issuer identifier, also the base of its discovery URL. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How often the JWK set was fetched. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid access token for the subject with these extra claims, audience {@code taskstream}, for an hour. */
    public String token(String subject, Map<String, Object> claims) {
        return sign(key, issuer(), subject, claims, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token like {@link #token} that expired a minute ago (well beyond the default clock skew it did). */
    public String expiredToken(String subject, Map<String, Object> claims) {
        return sign(key, issuer(), subject, claims, Instant.now().minus(Duration.ofMinutes(5)));
    }

    /** A token naming this issuer but signed with another key of the same id. */
    public String foreignToken(String subject, Map<String, Object> claims) {
        return sign(foreignKey, issuer(), subject, claims, Instant.now().plus(Duration.ofHours(1)));
    }

    /** Profile claims of a fresh person: a unique, verified email and a name. */
    public static Map<String, Object> person(String name) {
        return Map.of("email", name.toLowerCase() + "-" + UUID.randomUUID() + "@idp.example", "email_verified", true,
                "name", name);
    }

    private static String sign(RSAKey signingKey, String issuer, String subject, Map<String, Object> claims,
            Instant expires) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience("taskstream")
                .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(signingKey.getKeyID()).build(), set.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
