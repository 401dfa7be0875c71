package io.taskstream.platform.web;

import java.time.Duration;

/** A client that has to wait before it tries again: 429 with a {@code Retry-After} in whole seconds. */
public class TooManyRequestsException extends ClientErrorException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** A wait as {@code Retry-After} gives it: rounded up to whole seconds, at least one. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
    }
}
