package io.taskstream.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Forges access tokens the way an attacker or a stale client would: with the server's key but expired
 * or from another issuer, with a key of our own, unsigned, or with a tampered signature.
 */
public final class Tokens {

    private final byte[] key;
    private String subject;
    private String issuer = "taskstream";
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));

    private Tokens(byte[] key) {
        this.key = key.clone();
    }

    /** A token signed with the given HMAC key (the server's own, to forge a token that only fails for one reason). */
    public static Tokens signedWith(byte[] key) {
        return new Tokens(key);
    }

    /** A token signed with a random key the server does not know. */
    public static Tokens signedWithUnknownKey() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return new Tokens(key);
    }

    public Tokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** Issued two hours before and expired one hour before now: well outside any clock-skew allowance. */
    public Tokens expired() {
        this.issuedAt = Instant.now().minus(Duration.ofHours(2));
        this.expiresAt = Instant.now().minus(Duration.ofHours(1));
        return this;
    }

    public String sign() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code "alg": "none"} and no signature. */
    public String unsigned() {
        return new PlainJWT(claims()).serialize();
    }

    /** The token with one bit of its signature flipped. */
    public static String tampered(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[0] ^= 1;
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
    }
}
