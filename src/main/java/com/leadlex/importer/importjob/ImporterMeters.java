package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRepository;

/**
 * The import-side meters, named in one place so the dashboard's figures, the README and Prometheus
 * agree: contacts by outcome ({@code importer_contacts_total}), import durations by final status
 * ({@code importer_import_duration_seconds}) and the imports still to finish
 * ({@code importer_imports_pending}, read from the registry at scrape time); and what an alert
 * needs to see an import stuck: paused imports ({@code importer_imports_paused}), the seconds until the
 * earliest resume ({@code importer_resume_next_seconds}, -1 with none paused) and the seconds since
 * the last chunk was answered ({@code importer_last_chunk_age_seconds}, -1 before the first).
 */
@Component
public class ImporterMeters {

    public static final String CONTACTS = "importer.contacts";
    public static final String IMPORT_DURATION = "importer.import.duration";
    public static final String PENDING = "importer.imports.pending";
    public static final String PAUSED = "importer.imports.paused";
    public static final String RESUME_NEXT = "importer.resume.next.seconds";
    public static final String LAST_CHUNK_AGE = "importer.last.chunk.age.seconds";

    private final MeterRegistry registry;

    public ImporterMeters(MeterRegistry registry, ImportRepository imports, ImportChunkRepository chunks, Clock clock) {
        this.registry = registry;
        Gauge.builder(PENDING, imports, ImportRepository::countPending)
                .description("Imports queued, running or paused for quota")
                .register(registry);
        Gauge.builder(PAUSED, imports, ImportRepository::countPaused)
                .description("Imports paused until their API key's quota resets")
                .register(registry);
        Gauge.builder(RESUME_NEXT, imports, repository -> secondsFrom(clock, repository.earliestResumeAt(), true))
                .description("Seconds until the earliest paused import resumes (-1: none paused)")
                .register(registry);
        Gauge.builder(LAST_CHUNK_AGE, chunks, repository -> secondsFrom(clock, repository.lastChunkFinishedAt(), false))
                .description("Seconds since LeadLex last answered a chunk (-1: no chunk yet)")
                .register(registry);
        for (String outcome : new String[] {"added", "already_enrolled", "refused", "invalid", "duplicate"}) {
            contacts(outcome);
        }
    }

    /** One chunk's answer from LeadLex. */
    public void chunkDelivered(int added, int alreadyEnrolled, int refused) {
        contacts("added").increment(added);
        contacts("already_enrolled").increment(alreadyEnrolled);
        contacts("refused").increment(refused);
    }

    /** What staging set aside for a new import: these never cost a request. */
    public void listStaged(long invalid, long duplicates) {
        contacts("invalid").increment(invalid);
        contacts("duplicate").increment(duplicates);
    }

    /** An execution of an import ended with {@code status} (completed, paused, stopped, failed). */
    public void importEnded(String status, Duration took) {
        Timer.builder(IMPORT_DURATION).description("How long import executions ran, by how they ended")
                .tag("status", status).register(registry).record(took);
    }

    private Counter contacts(String outcome) {
        return Counter.builder(CONTACTS).description("Contacts by outcome: sent ones as LeadLex answered, "
                + "invalid and duplicate ones as staging set them aside").tag("outcome", outcome).register(registry);
    }

    /** Seconds from now until {@code at} (or since it), never negative; -1 when there is no such time. */
    private static double secondsFrom(Clock clock, Optional<Instant> at, boolean until) {
        if (at.isEmpty()) {
            return -1;
        }
        Duration between = until ? Duration.between(clock.instant(), at.get())
                : Duration.between(at.get(), clock.instant());
        return Math.max(0, between.toMillis() / 1000.0);
    }
}
