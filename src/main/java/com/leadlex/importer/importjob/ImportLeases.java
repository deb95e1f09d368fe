package com.leadlex.importer.importjob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportLeaseRepository.Lease;
import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.KeepAliveScheduler;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * One owner per import. An import queued or running on this instance holds its lease, renewed every
 * third of {@code importer.lease-ttl}; recovery, here or on another node, takes over only an import
 * whose lease expired or whose owner is provably gone, and takes the lease before it touches the
 * import, so of two nodes sweeping at once only one recovers it. A launch and a recovery of the same
 * import can never both run, and a node never takes over what a live node is running.
 */
@Component
public class ImportLeases {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final ImportLeaseRepository leases;
    private final InstanceIdentity instance;
    private final Duration ttl;
    private final Clock clock;
    private final KeepAliveScheduler scheduler;
    /** Imports a run in this process holds: the lease row says "this instance", not which run. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    /** Every import whose lease this instance took: queued here, running here, or being recovered. */
    private final Set<Long> heldHere = ConcurrentHashMap.newKeySet();
    private final LeaseRenewals renewals = new LeaseRenewals();

    public ImportLeases(ImportLeaseRepository leases, InstanceIdentity instance, ImporterProperties properties,
            Clock clock, KeepAliveScheduler scheduler) {
        this.scheduler = scheduler;
        this.leases = leases;
        this.instance = instance;
        this.ttl = properties.leaseTtl();
        this.clock = clock;
    }

    /**
     * Reserves an import about to be queued here, so that another node leaves it alone while it waits
     * for a free slot and takes it over if this node dies first. False only when another live instance
     * holds it; a database that does not answer leaves the decision to the run's own {@link #acquire}.
     */
    public boolean reserve(long importId) {
        try {
            return take(importId);
        } catch (RuntimeException e) {
            log.debug("Import {}: could not reserve its lease before queuing it ({})", importId,
                    TransientDatabaseFailures.describe(e));
            return true;
        }
    }

    /** Takes the import for this instance's run; false when another live instance, or a run in this one, holds it. */
    public boolean acquire(long importId) {
        if (!runningHere.add(importId)) {
            return false;
        }
        boolean acquired = false;
        try {
            acquired = take(importId);
            return acquired;
        } finally {
            if (!acquired) {
                runningHere.remove(importId);
            }
        }
    }

    private boolean take(long importId) {
        Instant now = clock.instant();
        boolean taken = leases.acquire(importId, instance.id(), now, now.plus(ttl));
        if (taken) {
            heldHere.add(importId);
        }
        return taken;
    }

    /** Ends this instance's hold on the import; its lease is handed back (or left to expire if the database is away). */
    public void release(long importId) {
        try {
            leases.release(importId, instance.id());
            heldHere.remove(importId);
        } catch (RuntimeException e) {
            // the database is away: the lease runs out by itself, and a lost run is recovered then
            log.warn("Import {}: could not hand its lease back ({}); it expires within {}", importId,
                    TransientDatabaseFailures.describe(e), ttl);
        } finally {
            runningHere.remove(importId);
        }
    }

    /**
     * Takes an interrupted import for this instance to recover, if it may: nobody holds its lease, it
     * expired, it is this instance's own with no run here, or its owner is provably gone. True when
     * this instance now holds the lease; the caller then resumes the import or {@link #release}s it.
     */
    public boolean claimForRecovery(long importId) {
        if (runningHere.contains(importId)) {
            // a run here still goes on, even if its lease lapsed while the database was away
            return false;
        }
        Optional<Lease> lease = leases.find(importId);
        if (lease.isEmpty() || lease.get().expiredAt(clock.instant()) || lease.get().owner().equals(instance.id())) {
            // ours and no run here holds it: a run that ended without handing it back (the database was away)
            return take(importId);
        }
        if (instance.isProvablyGone(lease.get().owner())) {
            log.info("Import {}: its owner {} is gone; taking it over", importId, lease.get().owner());
            boolean taken = leases.takeOver(importId, lease.get().owner(), instance.id(), clock.instant().plus(ttl));
            if (taken) {
                heldHere.add(importId);
            }
            return taken;
        }
        log.debug("Import {} is run by {} (lease until {}); leaving it alone", importId, lease.get().owner(),
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
            renewals.succeeded();
        } catch (RuntimeException e) {
            // the database is away for a moment: the next renewal, well inside the lease, tries again
            renewals.failed(TransientDatabaseFailures.describe(e));
            log.warn("Could not renew this instance's import leases: {}", e.getMessage());
        }
    }

    /**
     * A graceful stop hands back the leases of imports reserved here but not running: a run still
     * winding down hands its own back when it ends (until then another node must not take it).
     */
    @EventListener(ContextClosedEvent.class)
    public void releaseAll() {
        for (Long importId : Set.copyOf(heldHere)) {
            if (!runningHere.contains(importId)) {
                release(importId);
            }
        }
    }

    public String instanceId() {
        return instance.id();
    }

    /** The imports this instance holds the leases of (queued, running or being recovered here). */
    public Set<Long> heldHere() {
        return Set.copyOf(heldHere);
    }

    /** Whether this instance's leases are being renewed: what its health reports. */
    public LeaseRenewals.State renewalState() {
        return renewals.state(ttl, !heldHere.isEmpty());
    }

    public Duration ttl() {
        return ttl;
    }
}
