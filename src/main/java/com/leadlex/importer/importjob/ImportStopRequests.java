package com.leadlex.importer.importjob;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.ClusterProperties;
import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.system.KeepAliveScheduler;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Imports an operator asked to stop. The chunk writer looks here before each chunk and ends the
 * step as STOPPED at that boundary, so the chunk in flight finishes and is booked, the next is
 * never sent, and the execution stays restartable. (Spring Batch's own {@code JobOperator.stop}
 * on a chunk-oriented step was reported to end executions UNKNOWN, which cannot be restarted.)
 * <p>
 * A request is marked on the import's row, so that it reaches the node running the import whichever
 * node's API took it: each node looks for marks on the imports it holds every
 * {@code importer.cluster.stop-check-interval} (one query, and none while it holds no import) and
 * keeps them in memory, so the check before each chunk costs no query. On the node that took the
 * request it applies at once.
 */
@Component
public class ImportStopRequests {

    private static final Logger log = LoggerFactory.getLogger(ImportStopRequests.class);

    /** Stops known here, by import, with when they became known here ({@link System#nanoTime()}). */
    private final Map<Long, Long> requested = new ConcurrentHashMap<>();
    private final ImportLeaseRepository rows;
    private final ImportLeases leases;
    private final Clock clock;
    private final KeepAliveScheduler scheduler;
    private final ClusterProperties properties;

    public ImportStopRequests(ImportLeaseRepository rows, ImportLeases leases, Clock clock,
            KeepAliveScheduler scheduler, ClusterProperties properties) {
        this.rows = rows;
        this.leases = leases;
        this.clock = clock;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    public void request(long importId) {
        // marked first: a look at the marks that begins after this knows it too
        rows.requestStop(importId, clock.instant());
        requested.put(importId, System.nanoTime());
    }

    public boolean isRequested(long importId) {
        return requested.containsKey(importId);
    }

    /** Forgets the import's stop request (its run ended, or it is restarted); here and on its row. */
    public void clear(long importId) {
        requested.remove(importId);
        try {
            rows.clearStop(importId);
        } catch (RuntimeException e) {
            // the run's end must still be told; a mark left behind stops the import's next run at once
            log.warn("Import {}: could not clear its stop request ({}); restart it through the API if it stops "
                    + "again at once", importId, TransientDatabaseFailures.describe(e));
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    public void startLooking() {
        scheduler.scheduleWithFixedDelay(this::lookForRequestsFromOtherNodes, properties.stopCheckInterval());
    }

    /**
     * Takes in the stops marked for the imports this instance holds, and forgets those no longer
     * marked (cleared when their run ended, or by a restart through another node) that were known
     * before this look began. Returns how many are new.
     */
    int lookForRequestsFromOtherNodes() {
        long lookBegan = System.nanoTime();
        if (leases.heldHere().isEmpty()) {
            // no run here to stop; a mark for an import this node takes later is found by a later look
            requested.values().removeIf(knownSince -> knownSince - lookBegan < 0);
            return 0;
        }
        try {
            List<Long> marked = rows.stopsRequestedOf(leases.instanceId());
            requested.entrySet().removeIf(entry -> !marked.contains(entry.getKey()) && entry.getValue() - lookBegan < 0);
            int fresh = 0;
            for (Long importId : marked) {
                if (requested.putIfAbsent(importId, lookBegan) == null) {
                    fresh++;
                    log.info("Import {}: stop requested through another node; it stops after the chunk in flight",
                            importId);
                }
            }
            return fresh;
        } catch (RuntimeException e) {
            log.debug("Could not look for stop requests: {}", TransientDatabaseFailures.describe(e));
            return 0;
        }
    }
}
