package io.taskstream.platform.problem;

import java.time.Duration;

/**
 * A client that has to wait before it tries again: 429 with a {@code Retry-After} in whole seconds (rounded up, at
 * least one), which the detail tells a person too.
 */
public class TooManyRequestsException extends ClientErrorException {

    private final long retryAfterSeconds;

    private TooManyRequestsException(String reason, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, reason + ": try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public TooManyRequestsException(String reason, Duration retryAfter) {
        this(reason, Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds()));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
