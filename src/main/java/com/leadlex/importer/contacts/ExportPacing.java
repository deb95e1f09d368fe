package com.leadlex.importer.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the next contacts export may go out: once fewer than {@code importer.contacts.exports-per-hour}
 * exports were made in the hour before (counted in the database, so all nodes pace together), and
 * not before a Retry-After LeadLex gave for the export. A rolling hour is stricter than any fixed
 * one, so LeadLex's limit is never hit by the importer alone.
 */
final class ExportPacing {

    static final Duration WINDOW = Duration.ofHours(1);

    private final ContactDirectoryRepository repository;
    private final int perHour;

    ExportPacing(ContactDirectoryRepository repository, int perHour) {
        this.repository = repository;
        this.perHour = perHour;
    }

    /** The earliest instant, {@code now} or later, that the next export may be sent at, and why. */
    Next next(String keyHash, DirectoryState state, Instant now) {
        List<Instant> calls = repository.exportCallsAfter(keyHash, now.minus(WINDOW));
        Instant at = now;
        String reason = "the export may go now";
        if (calls.size() >= perHour) {
            at = calls.get(calls.size() - perHour).plus(WINDOW);
            reason = calls.size() + " contacts exports in the last hour (importer.contacts.exports-per-hour is "
                    + perHour + ")";
        }
        Instant blocked = state.exportBlockedUntil();
        if (blocked != null && blocked.isAfter(at)) {
            at = blocked;
            reason = "LeadLex's Retry-After for the contacts export";
        }
        return new Next(at, reason);
    }

    record Next(Instant at, String reason) {
    }
}
