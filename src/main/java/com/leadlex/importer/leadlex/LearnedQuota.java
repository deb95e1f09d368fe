package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;

/**
 * What LeadLex's answers teach about a key beyond the current window, for plans: how long an answer
 * typically takes (this node's own experience, kept by its {@link QuotaGate} under the gate's lock),
 * and the limits that {@code X-RateLimit-Limit} names, which matter most when the configuration says
 * nothing ({@code leadlex.plan: unmetered}, the default); those are kept with the key's quota
 * ({@link KeyQuota}), for every node.
 */
final class LearnedQuota {

    private Duration answerTime;

    /** One answer to a request sent at {@code sentAt}, arriving {@code now}. */
    void observe(Instant sentAt, Instant now) {
        Duration took = Duration.between(sentAt, now);
        took = took.isNegative() ? Duration.ZERO : took;
        // a moving average, so that one slow answer does not swing every estimate
        answerTime = answerTime == null ? took : answerTime.multipliedBy(4).plus(took).dividedBy(5);
    }

    /** LeadLex's typical answer time on this key, or null before its first answer. */
    Duration answerTime() {
        return answerTime;
    }

    /**
     * The limits LeadLex has named per window: those named {@code before}, and what {@code headers},
     * heard at {@code now}, add. A reset at a UTC midnight more than a minute away names the day's limit; a
     * reset at a minute boundary within the minute names the minute's. A midnight within the minute
     * could be either and teaches nothing.
     */
    static QuotaLimits named(QuotaLimits before, RateLimitHeaders headers, Instant now) {
        if (headers.limit() == null || headers.limit() <= 0 || headers.reset() == null) {
            return before;
        }
        long resetSecond = headers.reset().getEpochSecond();
        long away = resetSecond - now.getEpochSecond();
        boolean midnight = resetSecond % 86_400 == 0;
        if (midnight && away > 60) {
            return new QuotaLimits(before.perMinute(), headers.limit());
        }
        if (!midnight && resetSecond % 60 == 0 && away > 0 && away <= 60) {
            return new QuotaLimits(headers.limit(), before.perDay());
        }
        return before;
    }
}
