package com.leadlex.importer.webhook.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.leadlex.importer.webhook.WebhookRefusedException;

/** A timestamp header checked against the clock: replay protection for signed protocols. */
final class SignedTimestamp {

    private SignedTimestamp() {
    }

    /** Refuses a missing, unreadable, or too old (or too far ahead) timestamp. */
    static void requireFresh(String header, boolean milliseconds, Clock clock, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw WebhookRefusedException.unauthorized("no timestamp header");
        }
        long value;
        try {
            value = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw WebhookRefusedException.unauthorized("unreadable timestamp header");
        }
        Instant signedAt = milliseconds ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw WebhookRefusedException.unauthorized("timestamp " + signedAt + " is " + age.toSeconds()
                    + " s away from now, more than the " + tolerance.toSeconds() + " s tolerated (stale or replayed)");
        }
    }
}
