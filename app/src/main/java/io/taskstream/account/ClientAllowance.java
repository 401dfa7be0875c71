package io.taskstream.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.taskstream.platform.problem.TooManyRequestsException;
import io.taskstream.platform.security.AuthProperties.Allowance;
import java.time.Duration;

/**
 * How often each client address may do something costly (log in and fail, sign up): one token bucket per address
 * that holds {@link Allowance#perClient()} attempts and refills them over {@link Allowance#period()}. An attempt
 * takes its token before the work is done, so attempts sent in parallel get no more than attempts sent one after
 * another; with none left, the attempt is refused until one has come back. The buckets are rows in PostgreSQL
 * ({@code client_allowance}, read FOR UPDATE), so every replica draws from the same one and a restart gives nobody
 * a fresh allowance (ADR 030). Each attempt is a short transaction of its own, on a connection of its own: callers
 * must not hold one of the pool's connections meanwhile.
 * <p>
 * A refusal is remembered in the process until the bucket has a token again, so that a flood of attempts from an
 * address that has none left is answered without a database round trip each. Until then only an attempt that was
 * already under way when the last token went can give one back (a login that succeeds), and this replica hears of
 * it only if it served that login: the price is at most that many attempts refused for at most one refill interval.
 */
final class ClientAllowance {

    /** At most this many addresses' refusals are remembered; beyond it the oldest go back to asking the database. */
    static final int REMEMBERED_REFUSALS = 100_000;

    private final ProxyManager<String> buckets;
    private final String kind;
    private final String refusal;
    private final BucketConfiguration configuration;
    /** Client → {@link System#nanoTime()} at which its bucket has a token again; gone from the cache then. */
    private final Cache<String, Long> refusedUntil = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_REFUSALS)
            .expireAfter(Expiry.<String, Long>writing((client, until) -> Duration.ofNanos(until - System.nanoTime())))
            .build();

    /**
     * @param kind what is counted, which keeps its buckets apart from other kinds' ({@code login-failure})
     * @param refusal the beginning of the problem's detail, which goes on with how long to wait
     */
    ClientAllowance(ProxyManager<String> buckets, String kind, Allowance limits, String refusal) {
        this.buckets = buckets;
        this.kind = kind;
        this.refusal = refusal;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.perClient()).refillGreedy(limits.perClient(), limits.period()))
                .build();
    }

    /** Takes an attempt from the client's allowance, or refuses the attempt when the allowance is used up. */
    void take(String client) {
        Long until = refusedUntil.getIfPresent(client);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            throw new TooManyRequestsException(refusal, Duration.ofNanos(until - now));
        }
        ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = probe.getNanosToWaitForRefill();
            refusedUntil.put(client, now + wait);
            throw new TooManyRequestsException(refusal, Duration.ofNanos(wait));
        }
    }

    /** Gives an attempt back, for attempts that should not count (a login that succeeded). */
    void giveBack(String client) {
        bucketOf(client).addTokens(1);
        refusedUntil.invalidate(client);
    }

    private BucketProxy bucketOf(String client) {
        return buckets.builder().build(kind + ":" + client, () -> configuration);
    }
}
