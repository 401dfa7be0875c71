package io.taskstream.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class RevocationCheckingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final CachingJwtDecoder cached = new CachingJwtDecoder(token -> {
        verifications.incrementAndGet();
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("u1").jti("j1")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(3600)).build();
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRememberedTokenIsStillAskedAboutItsSessionOnEveryDecode() {
        AtomicBoolean active = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        RevocationCheckingJwtDecoder decoder = new RevocationCheckingJwtDecoder(cached, new SessionVerifier() {
            @Override
            public boolean isActive(Jwt jwt) {
                asked.incrementAndGet();
                return active.get();
            }

            @Override
            public java.util.Set<SessionRef> ended(java.util.Collection<SessionRef> sessions) {
                throw new UnsupportedOperationException("not asked by the decoder");
            }
        });

        assertThat(decoder.decode("t").getId()).isEqualTo("j1");
        assertThat(decoder.decode("t").getId()).isEqualTo("j1");
        active.set(false);

        assertThatThrownBy(() -> decoder.decode("t")).isInstanceOf(BadJwtException.class).hasMessageContaining("revoked");
        assertThat(verifications).as("signature checked once, then remembered").hasValue(1);
        assertThat(asked).as("the session, every time").hasValue(3);
    }
}
