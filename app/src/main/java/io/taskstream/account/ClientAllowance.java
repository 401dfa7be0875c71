package io.taskstream.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.taskstream.platform.security.AuthProperties.Allowance;
import io.taskstream.platform.web.TooManyRequestsException;
import java.time.Duration;

/**
 * How often each client address may do something costly (log in and fail, sign up): one token bucket per address
 * that holds {@link Allowance#perClient()} attempts and refills them over {@link Allowance#period()}. An attempt
 * takes its token before the work is done, so attempts sent in parallel get no more than attempts sent one after
 * another; with none left, the attempt is refused until one has come back. A bucket left alone for a whole period is
 * full again, so it is forgotten then; at most {@value #ADDRESSES} addresses are remembered, the least recently active
 * forgotten first (ADR 030).
 */
final class ClientAllowance {

    static final int ADDRESSES = 100_000;

    private final Allowance limits;
    private final String refusal;
    private final Cache<String, Bucket> buckets;

    /** {@code refusal} begins the problem's detail, which goes on with how long to wait. */
    ClientAllowance(Allowance limits, String refusal) {
        this.limits = limits;
        this.refusal = refusal;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limits.period()).maximumSize(ADDRESSES).build();
    }

    /** Takes an attempt from the client's allowance, or refuses the attempt when the allowance is used up. */
    void take(String client) {
        ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Gives an attempt back, for attempts that should not count (a login that succeeded). */
    void giveBack(String client) {
        bucketOf(client).addTokens(1);
    }

    private Bucket bucketOf(String client) {
        return buckets.get(client, address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.perClient()).refillGreedy(limits.perClient(), limits.period()))
                .build());
    }
}
