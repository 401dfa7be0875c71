package io.taskstream.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.taskstream.platform.security.AuthProperties;
import io.taskstream.platform.security.AuthProperties.LoginFailures;
import io.taskstream.platform.web.TooManyRequestsException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: one token bucket of login attempts per client address ({@link LoginFailures}).
 * Every attempt takes a token before the password is checked, so parallel guesses cannot slip past the limit; a
 * login that succeeds gives its token back. With none left, the attempt is refused until one has come back. A
 * bucket left alone for a whole period is full again, so it is forgotten then; at most {@value #ADDRESSES}
 * addresses are remembered, the least recently active forgotten first (ADR 030).
 */
@Component
class LoginThrottle {

    static final int ADDRESSES = 100_000;

    private final LoginFailures limits;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(AuthProperties properties) {
        this.limits = properties.loginFailures();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limits.period()).maximumSize(ADDRESSES).build();
    }

    /** Takes an attempt from the client's allowance, or refuses the attempt when the allowance is used up. */
    void admit(String client) {
        ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many failed logins from this address",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Gives back the attempt of a login that succeeded: only failures count. */
    void succeeded(String client) {
        bucketOf(client).addTokens(1);
    }

    private Bucket bucketOf(String client) {
        return buckets.get(client, address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.perClient()).refillGreedy(limits.perClient(), limits.period()))
                .build());
    }
}
