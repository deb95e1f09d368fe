package com.leadlex.importer.importjob;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.leadlex.QuotaOutlook;
import com.leadlex.importer.leadlex.QuotaPlanner;
import com.leadlex.importer.leadlex.QuotaPlanner.Demand;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.ImporterProperties;

/**
 * When will it finish? The one answer for the API, the dashboard, the command line and the dry run:
 * every unfinished import's remaining requests (one per chunk not yet sent), planned together on the
 * key they share ({@link QuotaPlanner}) from what its quota gate knows right now: used and reserved
 * requests this minute and UTC day, the plan or explicit limits, LeadLex's last headers and answer
 * time. Running imports go first, then queued, then paused ones from their resume time, at most
 * {@code importer.max-concurrent-imports} at once, each with up to {@code leadlex.max-in-flight}
 * requests on their way. Retries, 429s and a 400's splitting are not
 * foreseen, so the estimate is a lower bound in those cases.
 */
@Component
public class CompletionPlanner {

    /** The ID a list not imported yet (a dry run) gets in a plan. */
    private static final long NEW_IMPORT = -1;

    private final ImportRepository imports;
    private final ImportChunkRepository chunks;
    private final QuotaGateRegistry gates;
    private final ImporterProperties properties;
    private final int inFlight;

    public CompletionPlanner(ImportRepository imports, ImportChunkRepository chunks, QuotaGateRegistry gates,
            ImporterProperties properties, LeadLexProperties leadLex) {
        this.inFlight = leadLex.maxInFlight();
        this.imports = imports;
        this.chunks = chunks;
        this.gates = gates;
        this.properties = properties;
    }

    /** Every unfinished import's estimated end, from one look at the key and the ledger. */
    public CompletionForecast forecast() {
        QuotaOutlook outlook = gates.configuredKeyOutlook();
        List<Demand> demands = unfinishedDemands(outlook.at());
        return new CompletionForecast(outlook.at(),
                QuotaPlanner.finishTimes(outlook, demands, properties.maxConcurrentImports(), inFlight));
    }

    /**
     * When a list needing {@code requests} requests would finish if imported now, taking its turns
     * with the unfinished imports on the same key; null when that cannot be known.
     */
    public NewImportForecast forecastNew(long requests) {
        QuotaOutlook outlook = gates.configuredKeyOutlook();
        List<Demand> demands = new ArrayList<>(unfinishedDemands(outlook.at()));
        int others = demands.size();
        demands.add(new Demand(NEW_IMPORT, requests, null, null));
        Map<Long, Instant> finishes = QuotaPlanner.finishTimes(outlook, demands, properties.maxConcurrentImports(),
                inFlight);
        return new NewImportForecast(outlook, others, finishes.get(NEW_IMPORT));
    }

    private List<Demand> unfinishedDemands(Instant now) {
        return imports.findUnfinished().stream().map(record -> demand(record, now)).toList();
    }

    private Demand demand(ImportRecord record, Instant now) {
        ImportChunkRepository.ChunkProgress progress = chunks.progress(record.id());
        long left = Math.max(0, record.totalChunks() - progress.chunksDone());
        Instant reserved = null;
        if (record.status() == ImportStatus.RUNNING) {
            // its next request already holds a slot the gate counted: waiting for it, or sent and unanswered
            reserved = record.quotaWaitUntil() != null ? record.quotaWaitUntil() : progress.sending() ? now : null;
        }
        Instant notBefore = record.status() == ImportStatus.PAUSED ? record.resumeAt() : null;
        return new Demand(record.id(), left, notBefore, reserved);
    }

    /**
     * A dry run's estimate: when the list would finish, and what it was planned against.
     *
     * @param outlook      the key's quota as it stood
     * @param othersOnKey  unfinished imports the list would take turns with
     * @param eta          when its last request would be answered, or null when that cannot be known
     */
    public record NewImportForecast(QuotaOutlook outlook, int othersOnKey, Instant eta) {
    }
}
