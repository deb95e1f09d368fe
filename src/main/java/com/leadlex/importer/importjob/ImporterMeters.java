package com.leadlex.importer.importjob;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.leadlex.importer.ledger.ImportRepository;

/**
 * The import-side meters, named in one place so the dashboard's figures, the README and Prometheus
 * agree: contacts by outcome ({@code importer_contacts_total}), import durations by final status
 * ({@code importer_import_duration_seconds}) and the imports still to finish
 * ({@code importer_imports_pending}, read from the registry at scrape time).
 */
@Component
public class ImporterMeters {

    public static final String CONTACTS = "importer.contacts";
    public static final String IMPORT_DURATION = "importer.import.duration";
    public static final String PENDING = "importer.imports.pending";

    private final MeterRegistry registry;

    public ImporterMeters(MeterRegistry registry, ImportRepository imports) {
        this.registry = registry;
        Gauge.builder(PENDING, imports, ImportRepository::countPending)
                .description("Imports queued, running or paused for quota")
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
}
