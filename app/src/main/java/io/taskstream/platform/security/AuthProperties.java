package io.taskstream.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Authentication settings.
 *
 * @param jwtSecret HMAC secret for our tokens, at least 32 bytes ({@code TASKSTREAM_JWT_SECRET} or
 *     {@code BETTER_AUTH_SECRET}); when absent a secret is generated once and kept in the data directory
 * @param tokenTtl lifetime of an issued access token
 * @param issuer the {@code iss} claim of our tokens
 * @param oidcIssuerUri optional external OpenID Connect issuer whose tokens are accepted as well
 *     ({@code TASKSTREAM_OIDC_ISSUER_URI}); its subjects are mapped to accounts by {@link ExternalAccounts}
 * @param oidcAudience when set, the external issuer's tokens must name it in {@code aud}
 *     ({@code TASKSTREAM_OIDC_AUDIENCE}), so tokens it issued for other applications are refused
 * @param loginFailures how many wrong passwords one client address may send before it has to wait
 * @param signups how many accounts one client address may create before it has to wait
 * @param allowanceSweepInterval how often the rows of those client allowances that are full again are deleted (they
 *     live in PostgreSQL)
 * @param revocationSweepInterval how often revocations of tokens that have expired anyway (logouts) are deleted
 *     (ADR 035)
 */
@ConfigurationProperties("taskstream.auth")
public record AuthProperties(
        @Nullable String jwtSecret,
        @DefaultValue("PT24H") Duration tokenTtl,
        @DefaultValue("taskstream") String issuer,
        @Nullable String oidcIssuerUri,
        @Nullable String oidcAudience,
        @DefaultValue LoginFailures loginFailures,
        @DefaultValue Signups signups,
        @DefaultValue("PT10M") Duration allowanceSweepInterval,
        @DefaultValue("PT1H") Duration revocationSweepInterval) {

    /** The bean of these settings, for expressions such as a {@code @Scheduled} interval. */
    public static final String BEAN = "taskstream.auth-io.taskstream.platform.security.AuthProperties";

    /** Attempts a client address may have in hand, and the time in which all of them come back. */
    public interface Allowance {

        int perClient();

        Duration period();
    }

    /**
     * Password guessing, slowed down: a client address may fail to log in {@code perClient} times; then each further
     * attempt waits for one of those failures to expire, one every {@code period / perClient}. Logins that succeed
     * cost nothing. Counted in PostgreSQL: every replica draws from the same allowance.
     *
     * @param perClient failed logins a client address may have in hand ({@code TASKSTREAM_AUTH_LOGIN_FAILURES_PER_CLIENT})
     * @param period the time in which all of them come back ({@code TASKSTREAM_AUTH_LOGIN_FAILURES_PERIOD})
     */
    public record LoginFailures(@DefaultValue("10") int perClient, @DefaultValue("PT15M") Duration period)
            implements Allowance {

        public LoginFailures {
            check("login-failures", perClient, period);
        }
    }

    /**
     * Account creation, bounded per client address: each sign-up hashes a password (Argon2id: 16 MiB and tens of
     * milliseconds of CPU), so an unbounded stream of them from one client would starve everyone's requests. Every
     * attempt counts, one for a taken email too. Shared by the replicas, like login failures.
     *
     * @param perClient sign-ups a client address may have in hand ({@code TASKSTREAM_AUTH_SIGNUPS_PER_CLIENT})
     * @param period the time in which all of them come back ({@code TASKSTREAM_AUTH_SIGNUPS_PERIOD})
     */
    public record Signups(@DefaultValue("20") int perClient, @DefaultValue("PT1H") Duration period) implements Allowance {

        public Signups {
            check("signups", perClient, period);
        }
    }

    private static void check(String name, int perClient, Duration period) {
        if (perClient < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("taskstream.auth." + name + " needs per-client >= 1 and a positive period, got "
                    + perClient + " per " + period);
        }
    }
}
