package io.taskstream.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one account may hold or do ({@code taskstream.quotas.*}), so that no single user, script or agent can
 * exhaust what every other user shares (ADR 036). Counts over a quota are refused with 409 {@code quota-exceeded},
 * rates with 429 {@code too-many-requests} and a {@code Retry-After}.
 *
 * @param openTasks tasks not completed one account may have; creating one more is refused (completing, deleting or the
 *         next occurrence of a recurring task are not)
 * @param conversations chat conversations kept per account: starting one more deletes the least recently active
 * @param liveStreams live streams (SSE) one account may have open at once on one process; one more is refused
 * @param chatMessages chat messages one account may send, shared by every replica
 */
@ConfigurationProperties("taskstream.quotas")
public record QuotaProperties(
        @DefaultValue("10000") int openTasks,
        @DefaultValue("100") int conversations,
        @DefaultValue("20") int liveStreams,
        @DefaultValue ChatMessages chatMessages) {

    public QuotaProperties {
        if (openTasks < 1 || conversations < 1 || liveStreams < 1) {
            throw new IllegalArgumentException("taskstream.quotas.open-tasks, .conversations and .live-streams must be "
                    + "at least 1");
        }
    }

    /**
     * @param perUser messages one account may send within {@code period}; then each further one waits for one to come
     *         back (they come back evenly over the period)
     * @param period the period over which {@code perUser} messages come back
     */
    public record ChatMessages(@DefaultValue("30") int perUser, @DefaultValue("PT1M") Duration period) {

        public ChatMessages {
            if (perUser < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("taskstream.quotas.chat-messages needs per-user >= 1 and a positive "
                        + "period");
            }
        }
    }
}
