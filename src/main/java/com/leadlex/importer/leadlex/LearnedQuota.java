package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;

/**
 * What LeadLex's answers teach about a key beyond the current window, for plans only (pacing follows
 * the configured limits and the server's remaining count): how long an answer typically takes, and
 * the limits that {@code X-RateLimit-Limit} names, which matter most when the configuration says
 * nothing ({@code leadlex.plan: unmetered}, the default). Guarded by its {@link QuotaGate}'s lock.
 */
final class LearnedQuota {

    private QuotaLimits serverLimits = QuotaLimits.unlimited();
    private Duration answerTime;

    /** Starts from the limits LeadLex named before (kept in the database across restarts). */
    void restore(QuotaLimits named) {
        serverLimits = named;
    }

    /** One answer to a request sent at {@code sentAt}, arriving {@code now}. */
    void observe(Instant sentAt, RateLimitHeaders headers, Instant now) {
        Duration took = Duration.between(sentAt, now);
        took = took.isNegative() ? Duration.ZERO : took;
        // a moving average, so that one slow answer does not swing every estimate
        answerTime = answerTime == null ? took : answerTime.multipliedBy(4).plus(took).dividedBy(5);
        if (headers.limit() != null && headers.limit() > 0 && headers.reset() != null) {
            learnLimit(headers.limit(), headers.reset().getEpochSecond(), now.getEpochSecond());
        }
    }

    /**
     * A reset at a UTC midnight more than a minute away names the day's limit; a reset at a minute
     * boundary within the minute names the minute's. A midnight within the minute could be either
     * and teaches nothing.
     */
    private void learnLimit(int limit, long resetSecond, long nowSecond) {
        long away = resetSecond - nowSecond;
        boolean midnight = resetSecond % 86_400 == 0;
        if (midnight && away > 60) {
            serverLimits = new QuotaLimits(serverLimits.perMinute(), limit);
        } else if (!midnight && resetSecond % 60 == 0 && away > 0 && away <= 60) {
            serverLimits = new QuotaLimits(limit, serverLimits.perDay());
        }
    }

    /** The limits LeadLex named per window; 0 where it has not named one. */
    QuotaLimits serverLimits() {
        return serverLimits;
    }

    /** LeadLex's typical answer time on this key, or null before its first answer. */
    Duration answerTime() {
        return answerTime;
    }
}
