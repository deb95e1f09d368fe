package com.leadlex.importer.pool;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportEndedEvent;
import com.leadlex.importer.importjob.PooledListTotals;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportResults;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * Makes each pooled list's import follow the pooled import that sent its IDs: when that one ends
 * (completed, paused, stopped or failed) each member's results file is written from the pooled
 * import's results and ledger, then its status follows: completed, failed or stopped with the pooled
 * import's reason, or still POOLED (with a word on why) while the pooled import is paused, since it
 * resumes by itself. What became of each list's IDs is kept for the API's counts ({@link PooledListTotals}).
 * A process that stops before its members followed is caught up by the pool's
 * poller ({@link #catchUp()}).
 */
@Component
public class PooledListFollower implements PooledListTotals {

    /** LAST_ERROR_CODE of a pooled list waiting for its pool (or for its paused pooled import). */
    public static final String WAITING = "pooled";

    private static final Logger log = LoggerFactory.getLogger(PooledListFollower.class);

    private final PoolMemberRepository members;
    private final ImportRepository imports;
    private final ImportResults results;
    private final ImportChunkRepository chunks;
    private final PooledListResults memberResults;

    public PooledListFollower(PoolMemberRepository members, ImportRepository imports, ImportResults results,
            ImportChunkRepository chunks, PooledListResults memberResults) {
        this.members = members;
        this.imports = imports;
        this.results = results;
        this.chunks = chunks;
        this.memberResults = memberResults;
    }

    @Override
    public Optional<Sent> of(long importId) {
        return members.totals(importId);
    }

    @EventListener
    public void importEnded(ImportEndedEvent event) {
        follow(event.summary().id(), false);
    }

    /**
     * Members of pooled imports that ended while this process was not there to follow them, or before
     * their batch was marked as that import (a pooled import can end before its launcher returns).
     */
    public void catchUp() {
        members.endedWithMembersBehind().forEach(pooled -> follow(pooled, true));
    }

    /**
     * Writes a pooled list's results again, on request, from its pooled import's results and ledger;
     * empty for an import that was not pooled (its own results writer is the one to ask).
     */
    public synchronized Optional<Path> writeAgain(ImportRecord record) {
        if (!members.isMember(record.id())) {
            return Optional.empty();
        }
        PooledOutcomes outcomes = members.pooledImportOf(record.id())
                .map(pooled -> PooledOutcomes.of(imports.findById(pooled).orElseThrow(), results, chunks))
                .orElseGet(() -> PooledOutcomes.notSent("its pool's batch never became an import: "
                        + record.lastError()));
        memberResults.write(record, outcomes);
        return Optional.of(memberResults.file(record));
    }

    /** Once a batch is an import, its lists say which one carries them. */
    public void sent(long batchId, long pooledImportId) {
        for (long member : members.membersOfBatch(batchId)) {
            imports.notePooled(member, WAITING, "sent with pooled import " + pooledImportId
                    + " (with the campaign's other pending IDs); this import follows its end");
        }
    }

    /** A batch that could not become an import: its lists failed, with the reason. */
    public void batchRefused(long batchId, String reason) {
        PooledOutcomes none = PooledOutcomes.notSent("the pool's batch was refused: " + reason);
        for (long member : members.membersOfBatch(batchId)) {
            ImportRecord record = imports.findById(member).orElseThrow();
            memberResults.write(record, none);
            imports.followPool(member, ImportStatus.FAILED, "pool_refused", "its pool's batch " + batchId
                    + " was refused: " + reason);
        }
    }

    /**
     * One follower at a time (the import's thread at its end, the poller catching up), so that a member's
     * results file is never written by two at once; the poller then leaves members that followed already.
     */
    synchronized void follow(long pooledImportId, boolean onlyThoseStillPooled) {
        List<Long> memberIds = members.membersOfImport(pooledImportId);
        if (memberIds.isEmpty()) {
            return;
        }
        ImportRecord pooled = imports.findById(pooledImportId).orElseThrow();
        PooledOutcomes outcomes = PooledOutcomes.of(pooled, results, chunks);
        int followed = 0;
        for (long memberId : memberIds) {
            try {
                ImportRecord member = imports.findById(memberId).orElseThrow();
                if (onlyThoseStillPooled && member.status() != ImportStatus.POOLED) {
                    continue;
                }
                PooledListResults.Counts counts = memberResults.write(member, outcomes);
                members.saveTotals(memberId, pooledImportId, new Sent(counts.added(), counts.alreadyEnrolled(),
                        counts.refused(), counts.requests()));
                Status status = statusAfter(pooled);
                imports.followPool(memberId, status.status(), status.code(), status.message());
                followed++;
            } catch (RuntimeException e) {
                // one member's file must not keep the others behind; the poller catches this one up later
                log.warn("Import {}: could not follow pooled import {} ({}): {}", memberId, pooledImportId,
                        pooled.status(), e.toString());
            }
        }
        if (followed > 0) {
            log.info("Pooled import {} {}: {} of its {} list(s) followed", pooledImportId,
                    pooled.status().name().toLowerCase(java.util.Locale.ROOT), followed, memberIds.size());
        }
    }

    private record Status(ImportStatus status, String code, String message) {
    }

    private static Status statusAfter(ImportRecord pooled) {
        return switch (pooled.status()) {
            case COMPLETED -> new Status(ImportStatus.COMPLETED, null, null);
            case FAILED -> new Status(ImportStatus.FAILED, pooled.lastErrorCode(), "pooled import " + pooled.id()
                    + " failed: " + pooled.lastError() + " Restart import " + pooled.id() + " to go on.");
            case STOPPED -> new Status(ImportStatus.STOPPED, "stopped", "pooled import " + pooled.id()
                    + " was stopped; restart import " + pooled.id() + " to go on");
            default -> new Status(ImportStatus.POOLED, WAITING, "pooled import " + pooled.id() + " is "
                    + pooled.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (pooled.resumeAt() == null ? "" : " until " + pooled.resumeAt())
                    + "; this import follows it");
        };
    }
}
