package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * LeadLex's quota hints on one response: {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}
 * (epoch seconds) and, on a 429, {@code Retry-After} as delta-seconds or an HTTP-date (RFC 9110
 * §10.2.3), resolved to an instant. Missing or malformed values are null: a hint we cannot read is no
 * hint.
 */
public record RateLimitHeaders(Integer limit, Integer remaining, Instant reset, Instant retryAt) {

    public static RateLimitHeaders of(HttpReply reply, Instant now) {
        Long resetSeconds = parseLong(reply.header(HttpReply.RATE_RESET));
        return new RateLimitHeaders(
                toInt(parseLong(reply.header(HttpReply.RATE_LIMIT))),
                toInt(parseLong(reply.header(HttpReply.RATE_REMAINING))),
                resetSeconds == null ? null : Instant.ofEpochSecond(resetSeconds),
                retryAfter(reply.header(HttpReply.RETRY_AFTER), now));
    }

    /** True when the server said its window has no request left and resets after {@code now}. */
    public boolean exhaustedAt(Instant now) {
        return remaining != null && remaining <= 0 && reset != null && reset.isAfter(now);
    }

    /** Resolves a Retry-After value against {@code now}; a date in the past means now. */
    public static Instant retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Long seconds = parseLong(text);
        if (seconds != null) {
            return seconds < 0 ? null : now.plusSeconds(seconds);
        }
        try {
            Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return date.isBefore(now) ? now : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
