package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
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
 * A stop asked through one node reaches the node that runs the import: node A runs it, node B's API
 * takes the stop; A learns of it at its next look (no query per chunk), and nobody else's runs are
 * touched. Once the import's run ended and cleared the request, it stops nothing any more, on either
 * node. Two nodes are two sets of {@link ImportLeases} and {@link ImportStopRequests} with their own
 * identities on one in-memory H2.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:stop-slice;DB_CLOSE_DELAY=-1",
        "importer.lease-ttl=30s"})
@Import({ImportLeaseRepository.class, ImportRepository.class, IndependentWrites.class, KeepAliveScheduler.class,
        ManualTimeConfiguration.class, ImportLeasesTest.Settings.class})
class ImportStopRequestsTest {

    @Autowired
    ImportLeaseRepository leaseRows;
    @Autowired
    ImportRepository imports;
    @Autowired
    ManualClock clock;
    @Autowired
    ImporterProperties properties;
    @Autowired
    ClusterProperties cluster;
    @Autowired
    KeepAliveScheduler keepAlive;

    @Test
    void aStopTakenByOneNodeStopsTheImportOnTheNodeThatRunsItAtItsNextLook() {
        Node nodeA = node("node-a");
        Node nodeB = node("node-b");
        long running = anImport();
        long alsoRunning = anImport();
        assertThat(nodeA.leases.acquire(running)).isTrue();
        assertThat(nodeA.leases.acquire(alsoRunning)).isTrue();

        nodeB.stops.request(running);

        assertThat(nodeA.stops.isRequested(running)).as("not before A looks").isFalse();
        assertThat(nodeA.stops.lookForRequestsFromOtherNodes()).isEqualTo(1);
        assertThat(nodeA.stops.isRequested(running)).isTrue();
        assertThat(nodeA.stops.isRequested(alsoRunning)).as("only the import asked for").isFalse();
        assertThat(nodeA.stops.lookForRequestsFromOtherNodes()).as("known already").isZero();
    }

    @Test
    void aStopClearedWhenItsRunEndedStopsNothingLaterOnEitherNode() {
        Node nodeA = node("node-a");
        Node nodeB = node("node-b");
        long importId = anImport();
        assertThat(nodeA.leases.acquire(importId)).isTrue();
        nodeB.stops.request(importId);
        nodeA.stops.lookForRequestsFromOtherNodes();

        // the run on A stops at its next chunk boundary, and its end clears the request
        nodeA.stops.clear(importId);
        nodeA.leases.release(importId);
        nodeA.stops.lookForRequestsFromOtherNodes();
        nodeB.stops.lookForRequestsFromOtherNodes();

        assertThat(nodeA.stops.isRequested(importId)).isFalse();
        assertThat(nodeB.stops.isRequested(importId)).as("B forgot what it took once the mark was gone").isFalse();
        // restarted, and now run by B
        assertThat(nodeB.leases.acquire(importId)).isTrue();
        nodeB.stops.lookForRequestsFromOtherNodes();
        assertThat(nodeB.stops.isRequested(importId)).isFalse();
    }

    @Test
    void aStopAskedForAnImportQueuedOnAnotherNodeReachesItsRunWhenItStarts() {
        Node nodeA = node("node-a");
        Node nodeB = node("node-b");
        long queued = anImport();
        assertThat(nodeA.leases.reserve(queued)).as("queued on A").isTrue();

        nodeB.stops.request(queued);
        nodeA.stops.lookForRequestsFromOtherNodes();

        assertThat(nodeA.leases.acquire(queued)).as("its run begins on A").isTrue();
        assertThat(nodeA.stops.isRequested(queued)).isTrue();
    }

    private record Node(ImportLeases leases, ImportStopRequests stops) {
    }

    private Node node(String nodeName) {
        ImporterProperties settings = new ImporterProperties(properties.dataDir(), properties.inbox(),
                properties.chunkSize(), properties.maxConcurrentImports(), properties.resumePollInterval(),
                properties.resumeInterruptedOnStartup(), properties.sourceTag(), nodeName, properties.leaseTtl());
        ImportLeases leases = new ImportLeases(leaseRows, new InstanceIdentity(settings), settings, clock, keepAlive);
        return new Node(leases, new ImportStopRequests(leaseRows, leases, clock, keepAlive, cluster));
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_stop_unit", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.RUNNING, 1, 1, 0, 0, 500, null));
    }
}
