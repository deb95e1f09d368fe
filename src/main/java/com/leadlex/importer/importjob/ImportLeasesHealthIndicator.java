package com.leadlex.importer.importjob;

import java.util.TreeSet;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.HumanTime;

/**
 * {@code leases} in /actuator/health: whether this node still holds the leases of the imports it
 * runs. OUT_OF_SERVICE once it has not renewed them within {@code importer.lease-ttl} (the database
 * was out of its reach): another node may then take those imports over, and this one should not be
 * sent more work until it renews again. UP otherwise, with the imports it holds.
 */
@Component("leases")
class ImportLeasesHealthIndicator implements HealthIndicator {

    private final ImportLeases leases;

    ImportLeasesHealthIndicator(ImportLeases leases) {
        this.leases = leases;
    }

    @Override
    public Health health() {
        LeaseRenewals.State state = leases.renewalState();
        Health.Builder health = state.lapsed() ? Health.outOfService() : Health.up();
        health.withDetail("instance", leases.instanceId())
                .withDetail("imports", new TreeSet<>(leases.heldHere()))
                .withDetail("lastRenewal", HumanTime.duration(state.sinceRenewal()) + " ago")
                .withDetail("leaseTtl", leases.ttl().toString());
        if (state.lastFailure() != null) {
            health.withDetail("lastFailure", state.lastFailure());
        }
        if (state.lapsed()) {
            health.withDetail("action", "This node could not renew its import leases within " + leases.ttl()
                    + ": other nodes may take its imports over. Check its connection to the database.");
        }
        return health.build();
    }
}
