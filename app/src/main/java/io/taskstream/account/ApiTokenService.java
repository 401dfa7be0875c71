package io.taskstream.account;

import io.taskstream.account.ApiTokenRepository.StoredToken;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.security.ApiTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: long-lived bearer credentials for MCP clients and scripts. The secret is shown
 * once at creation; only its SHA-256 is kept. Expired or deleted tokens no longer authenticate.
 */
@Service
class ApiTokenService implements ApiTokenVerifier {

    static final int MAX_TOKENS = 50;
    private static final int SECRET_BYTES = 32;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, Clock clock, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
    }

    /** A new token and, this one time, its secret. */
    record IssuedApiToken(StoredToken token, String secret) {
    }

    @Transactional
    public IssuedApiToken issue(UserId user, String name, Instant expiresAt) {
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ClientErrorException.invalid("expiresAt", "must be in the future");
        }
        if (tokens.count(user.value()) >= MAX_TOKENS) {
            throw new ClientErrorException(ProblemType.CONFLICT,
                    "A user may hold at most " + MAX_TOKENS + " API tokens; delete one first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StoredToken token = tokens.insert(user.value(), name, hash(secret), now, expiresAt);
        return new IssuedApiToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<StoredToken> list(UserId user) {
        return tokens.list(user.value());
    }

    @Transactional
    public void revoke(UserId user, long id) {
        if (!tokens.delete(user.value(), id)) {
            throw new NotFoundException("API token " + id + " does not exist");
        }
        events.publishEvent(new SessionsEnded(user));
    }

    @Override
    @Transactional
    public Optional<VerifiedApiToken> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = now();
        Optional<StoredToken> found = tokens.findValid(hash(token), now);
        found.ifPresent(t -> tokens.touch(t.id(), now, LAST_USED_GRANULARITY));
        return found.map(t -> new VerifiedApiToken(t.userId().toString(), t.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
