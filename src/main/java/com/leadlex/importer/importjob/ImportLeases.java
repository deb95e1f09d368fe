package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportLeaseRepository.Lease;
import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * One owner per import. A run of an import holds its lease from launch to its end and renews it
 * every third of {@code importer.lease-ttl}; recovery takes over only an import whose lease expired
 * or whose owner is provably gone. So a launch and a recovery of the same import can never both run,
 * and a node never takes over what a live node is running.
 */
@Component
public class ImportLeases {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final ImportLeaseRepository leases;
    private final InstanceIdentity instance;
    private final Duration ttl;
    private final Clock clock;
    private final TaskScheduler scheduler;
    /** Imports a run in this process holds: the lease row says "this instance", not which run. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

    public ImportLeases(ImportLeaseRepository leases, InstanceIdentity instance, ImporterProperties properties,
            Clock clock, TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.leases = leases;
        this.instance = instance;
        this.ttl = properties.leaseTtl();
        this.clock = clock;
    }

    /** Takes the import for this instance; false when another live instance, or a run in this one, holds it. */
    public boolean acquire(long importId) {
        if (!runningHere.add(importId)) {
            return false;
        }
        boolean acquired = false;
        try {
            acquired = leases.acquire(importId, instance.id(), clock.instant(), clock.instant().plus(ttl));
            return acquired;
        } finally {
            if (!acquired) {
                runningHere.remove(importId);
            }
        }
    }

    /** Ends this instance's run of the import; its lease is handed back (or left to expire if the database is away). */
    public void release(long importId) {
        try {
            leases.release(importId, instance.id());
        } catch (RuntimeException e) {
            // the database is away: the lease runs out by itself, and a lost run is recovered then
            log.warn("Import {}: could not hand its lease back ({}); it expires within {}", importId,
                    TransientDatabaseFailures.describe(e), ttl);
        } finally {
            runningHere.remove(importId);
        }
    }

    /**
     * Whether an interrupted import may be recovered by this instance: nobody holds its lease, it
     * expired, or its owner is provably gone (its lease is then freed for this instance to take).
     */
    public boolean mayRecover(long importId) {
        if (runningHere.contains(importId)) {
            // a run here still goes on, even if its lease lapsed while the database was away
            return false;
        }
        Optional<Lease> lease = leases.find(importId);
        if (lease.isEmpty() || lease.get().expiredAt(clock.instant())) {
            return true;
        }
        if (lease.get().owner().equals(instance.id())) {
            // ours, and no run here holds it: a run that ended without handing it back (the database was away)
            return true;
        }
        if (instance.isProvablyGone(lease.get().owner())) {
            log.info("Import {}: its owner {} is gone; taking it over", importId, lease.get().owner());
            return leases.releaseFrom(importId, lease.get().owner());
        }
        log.info("Import {} is run by {} (lease until {}); leaving it alone", importId, lease.get().owner(),
                lease.get().expiresAt());
        return false;
    }

    /** Renews this instance's leases every third of their time to live, from start-up on. */
    @EventListener(ApplicationStartedEvent.class)
    public void startRenewing() {
        scheduler.scheduleWithFixedDelay(this::renew, ttl.dividedBy(3));
    }

    void renew() {
        try {
            leases.renewAll(instance.id(), clock.instant().plus(ttl));
        } catch (RuntimeException e) {
            // the database is away for a moment: the next renewal, well inside the lease, tries again
            log.warn("Could not renew this instance's import leases: {}", e.getMessage());
        }
    }

    /** A graceful stop hands its imports back at once instead of making others wait out the lease. */
    @EventListener(ContextClosedEvent.class)
    public void releaseAll() {
        leases.releaseAll(instance.id());
    }

    public String instanceId() {
        return instance.id();
    }
}
