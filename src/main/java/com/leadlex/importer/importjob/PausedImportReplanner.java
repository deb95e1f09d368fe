package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.system.HumanTime;

/**
 * Plans paused imports again when the key's quota allows more than it did when they paused: the
 * configured limits were raised (the gate then starts without LeadLex's earlier "remaining"), or an
 * answer from LeadLex showed room (another import's, or one an operator resumed now). A resume time
 * is only ever moved earlier, to when the key's next request could go out; the resumer does the rest,
 * and the {@link ResumeTimer} sets its alarm for the new time right after the run that moved it.
 */
@Component
public class PausedImportReplanner {

    private static final Logger log = LoggerFactory.getLogger(PausedImportReplanner.class);

    private final ImportRepository imports;
    private final QuotaGateRegistry gates;
    private final ImportAuditRepository audit;
    private final Clock clock;

    public PausedImportReplanner(ImportRepository imports, QuotaGateRegistry gates, ImportAuditRepository audit,
            Clock clock) {
        this.imports = imports;
        this.gates = gates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves every quota pause that the key's quota no longer justifies to the key's next free slot. */
    public void replan() {
        Instant now = clock.instant();
        for (ImportRecord paused : imports.findPausedForQuota()) {
            if (!paused.resumeAt().isAfter(now)) {
                continue; // due already: the resumer takes it
            }
            // asked per import: the gate may have learned something since the previous one
            Instant next = gates.configuredKeyNextFreeAt().orElse(null);
            if (next == null || !next.isBefore(paused.resumeAt())) {
                continue;
            }
            Instant resumeAt = next.isBefore(now) ? now : next;
            String reason = "Re-planned: the key's quota allows a request at " + HumanTime.dayAndTime(resumeAt)
                    + ", earlier than the " + HumanTime.dayAndTime(paused.resumeAt())
                    + " planned when it paused (limits raised, or LeadLex showed more room)";
            if (imports.resumeEarlier(paused.id(), paused.resumeAt(), resumeAt, reason)) {
                log.info("Import {} re-planned: resumes at {} instead of {}", paused.id(), resumeAt,
                        paused.resumeAt());
                audit.record(paused.id(), "replan", "importer (quota allows more)",
                        "resume at " + resumeAt + " instead of " + paused.resumeAt());
            }
        }
    }
}
