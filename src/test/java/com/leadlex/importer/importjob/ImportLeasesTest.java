package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.cluster.ClusterProperties;
import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.KeepAliveScheduler;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * One run per import, also inside one process: the lease row names the instance, not the run, so a
 * second run in the same process must be refused by the instance itself; a lease this instance
 * still holds after its run ended (the database was away when the run tried to hand it back) must
 * not keep the import from being recovered; and between nodes, an owner that keeps renewing keeps
 * its import however long it runs, while one that stops renewing loses it to exactly one other node.
 * A JDBC slice on an in-memory H2, on a manual clock; a second node is a second {@link ImportLeases}
 * with its own identity on the same database.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:lease-slice;DB_CLOSE_DELAY=-1",
        "importer.lease-ttl=30s"})
@Import({ImportLeases.class, ImportLeaseRepository.class, ImportRepository.class, IndependentWrites.class,
        InstanceIdentity.class, KeepAliveScheduler.class, ManualTimeConfiguration.class,
        ImportLeasesTest.Settings.class})
class ImportLeasesTest {

    static final Duration TTL = Duration.ofSeconds(30);

    @Autowired
    ImportLeases leases;
    @Autowired
    ImportLeaseRepository leaseRows;
    @Autowired
    ImportRepository imports;
    @Autowired
    ManualClock clock;
    @Autowired
    ImporterProperties properties;
    @Autowired
    KeepAliveScheduler keepAlive;

    @Test
    void aSecondRunOfAnImportInTheSameProcessIsRefusedUntilTheFirstEnds() {
        long importId = anImport();

        assertThat(leases.acquire(importId)).isTrue();
        assertThat(leases.acquire(importId)).as("a second run, same instance").isFalse();
        assertThat(leases.claimForRecovery(importId)).as("its run here is still going").isFalse();

        leases.release(importId);
        assertThat(leases.acquire(importId)).isTrue();
    }

    @Test
    void aLeaseOfThisInstanceThatNoRunHereHoldsAnyMoreMayBeRecovered() {
        long importId = anImport();
        // what a run leaves when the database was away as it tried to hand its lease back
        leaseRows.acquire(importId, leases.instanceId(), clock.instant(), clock.instant().plus(TTL));

        assertThat(leases.claimForRecovery(importId)).isTrue();
    }

    @Test
    void anotherLiveInstancesLeaseIsLeftAloneUntilItExpires() {
        long importId = anImport();
        leaseRows.acquire(importId, "other-node/4242/0/abcd1234", clock.instant(), clock.instant().plus(TTL));

        assertThat(leases.claimForRecovery(importId)).isFalse();
        assertThat(leases.acquire(importId)).isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(leases.claimForRecovery(importId)).isTrue();
        assertThat(leases.acquire(importId)).isTrue();
    }

    @Test
    void aNodeThatKeepsRenewingKeepsItsImportLongPastTheLeasesTimeToLive() {
        long importId = anImport();
        ImportLeases nodeB = node("node-b");
        assertThat(leases.acquire(importId)).isTrue();

        for (int third = 0; third < 9; third++) {
            clock.advance(TTL.dividedBy(3));
            leases.renew();
            assertThat(nodeB.claimForRecovery(importId)).as("%s after the launch", TTL.dividedBy(3).multipliedBy(third + 1))
                    .isFalse();
        }
        assertThat(leaseRows.find(importId).orElseThrow().owner()).isEqualTo(leases.instanceId());
        assertThat(leases.renewalState().lapsed()).isFalse();
    }

    @Test
    void aNodeThatStopsRenewingLosesItsImportOnceTheLeaseExpiredAndItsRenewalsDoNotTakeItBack() {
        long importId = anImport();
        ImportLeases nodeB = node("node-b");
        assertThat(leases.acquire(importId)).isTrue();

        clock.advance(TTL);
        assertThat(nodeB.claimForRecovery(importId)).as("expires at, not before, its time").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.claimForRecovery(importId)).isTrue();

        leases.renew(); // the first node, back from a pause: renews only what is still its own
        assertThat(leaseRows.find(importId).orElseThrow().owner()).isEqualTo(nodeB.instanceId());
        assertThat(leases.claimForRecovery(importId)).as("now the second node's, which is alive").isFalse();
    }

    @Test
    void ofTwoNodesRecoveringTheSameAbandonedImportsAtOnceExactlyOneTakesEach() throws Exception {
        List<Long> abandoned = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long importId = anImport();
            leaseRows.acquire(importId, "dead-node/4242/0/abcd1234", clock.instant(), clock.instant().plus(TTL));
            abandoned.add(importId);
        }
        clock.advance(TTL.plusSeconds(1));
        ImportLeases nodeB = node("node-b");
        ImportLeases nodeC = node("node-c");

        ExecutorService sweeps = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<List<Long>> takenByB = sweeps.submit(sweep(nodeB, abandoned, go));
            Future<List<Long>> takenByC = sweeps.submit(sweep(nodeC, abandoned, go));
            go.countDown();

            List<Long> taken = new ArrayList<>(takenByB.get());
            taken.addAll(takenByC.get());
            assertThat(taken).as("each import taken by one node, none by both").containsExactlyInAnyOrderElementsOf(
                    abandoned);
        } finally {
            sweeps.shutdownNow();
        }
    }

    private static Callable<List<Long>> sweep(ImportLeases node, List<Long> importIds, CountDownLatch go) {
        return () -> {
            go.await();
            return importIds.stream().filter(node::claimForRecovery).toList();
        };
    }

    /** Another node on the same database: same settings and clock, its own identity. */
    private ImportLeases node(String nodeName) {
        ImporterProperties settings = new ImporterProperties(properties.dataDir(), properties.inbox(),
                properties.chunkSize(), properties.maxConcurrentImports(), properties.resumePollInterval(),
                properties.resumeInterruptedOnStartup(), properties.sourceTag(), nodeName, properties.leaseTtl());
        return new ImportLeases(leaseRows, new InstanceIdentity(settings), settings, clock, keepAlive);
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_lease_unit", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.QUEUED, 1, 1, 0, 0, 500, null));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ImporterProperties.class, ClusterProperties.class})
    static class Settings {
    }
}
