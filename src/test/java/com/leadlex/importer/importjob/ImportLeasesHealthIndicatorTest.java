package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;

import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.KeepAliveScheduler;

/**
 * {@code leases} in the health: UP while this node renews the leases it holds; OUT_OF_SERVICE once
 * it has not renewed them within their time to live (here 300 ms of real time, the shortest allowed),
 * UP again after the next renewal; a node that holds no lease has nothing to lose.
 */
class ImportLeasesHealthIndicatorTest {

    private static final Duration TTL = Duration.ofMillis(300);

    /** The database as the leases see it: takes every lease, and renews them or fails, as the test says. */
    private static final class Database extends ImportLeaseRepository {

        volatile boolean away;

        Database() {
            super(null, null);
        }

        @Override
        public boolean acquire(long importId, String owner, Instant now, Instant expiresAt) {
            return true;
        }

        @Override
        public int renewAll(String owner, Instant expiresAt) {
            if (away) {
                throw new DataAccessResourceFailureException("Connection refused");
            }
            return 1;
        }
    }

    private final Database database = new Database();
    private final ImporterProperties properties = new ImporterProperties(Path.of("data"), Path.of("inbox"), 500, 1,
            Duration.ofSeconds(15), false, "", "node-a", TTL);
    private final ImportLeases leases = new ImportLeases(database, new InstanceIdentity(properties), properties,
            Clock.systemUTC(), new KeepAliveScheduler());
    private final ImportLeasesHealthIndicator health = new ImportLeasesHealthIndicator(leases);

    @Test
    void leasesNotRenewedWithinTheirTimeToLiveTakeTheNodeOutOfServiceUntilTheNextRenewal() {
        assertThat(leases.acquire(7)).isTrue();
        leases.renew();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("imports", java.util.Set.of(7L));

        database.away = true;
        leases.renew();
        await().atMost(Duration.ofSeconds(5)).until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE));
        assertThat(health.health().getDetails()).containsEntry("lastFailure", "DataAccessResourceFailureException: Connection refused")
                .containsKey("action");

        database.away = false;
        leases.renew();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aNodeHoldingNoLeaseStaysUpWhateverItsRenewals() {
        database.away = true;
        leases.renew();
        await().during(TTL.multipliedBy(2)).atMost(TTL.multipliedBy(4))
                .until(() -> health.health().getStatus().equals(Status.UP));
    }
}
