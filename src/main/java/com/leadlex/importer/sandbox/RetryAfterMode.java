package com.leadlex.importer.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the sandbox's 429 says when to come back ({@code leadlex.sandbox.retry-after}): LeadLex may
 * send delta-seconds, an HTTP date or nothing, and the importer must cope with all three.
 */
public enum RetryAfterMode {

    /** {@code Retry-After: 45}: whole seconds until the window resets, rounded up. */
    SECONDS,
    /** {@code Retry-After: Thu, 26 Nov 2026 10:01:00 GMT}: the reset time as an IMF-fixdate. */
    HTTP_DATE,
    /** No {@code Retry-After} header at all. */
    NONE;

    /** IMF-fixdate (RFC 9110, 5.6.7); unlike RFC_1123_DATE_TIME it always pads the day to two digits. */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The header value for a window that resets at {@code reset}, or null when none is sent. */
    public String headerValue(Instant now, Instant reset) {
        return switch (this) {
            case SECONDS -> Long.toString(secondsUntil(now, reset));
            case HTTP_DATE -> IMF_FIXDATE.format(reset);
            case NONE -> null;
        };
    }

    static long secondsUntil(Instant now, Instant reset) {
        Duration wait = Duration.between(now, reset);
        if (wait.isNegative() || wait.isZero()) {
            return 0;
        }
        long seconds = wait.getSeconds();
        return wait.getNano() > 0 ? seconds + 1 : seconds;
    }
}
