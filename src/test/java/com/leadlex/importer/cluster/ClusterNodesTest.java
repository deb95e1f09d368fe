package com.leadlex.importer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

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
 * The node list: this node registers at start-up and beats; another node that stops beating is
 * listed as not alive after twice the lease time and forgotten after {@code forget-nodes-after};
 * each node shows the imports whose leases it holds and whether it holds the leader's lock. A JDBC
 * slice on an in-memory H2, on a manual clock.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:nodes-slice;DB_CLOSE_DELAY=-1",
        "importer.lease-ttl=30s",
        "importer.node-name=node-a",
        "importer.cluster.forget-nodes-after=1h"})
@Import({ClusterNodes.class, NodeRepository.class, NodeHeartbeat.class, ImportLeaseRepository.class,
        ImportRepository.class, IndependentWrites.class, InstanceIdentity.class, KeepAliveScheduler.class,
        ManualTimeConfiguration.class, ClusterNodesTest.Settings.class})
class ClusterNodesTest {

    private static final String NODE_B = "node-b/4242/1700000000000/abcd1234";

    @Autowired
    ClusterNodes nodes;
    @Autowired
    NodeRepository rows;
    @Autowired
    NodeHeartbeat heartbeat;
    @Autowired
    InstanceIdentity self;
    @Autowired
    ImportLeaseRepository leases;
    @Autowired
    ImportRepository imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManualClock clock;

    @BeforeEach
    void onlyThisNode() {
        jdbc.update("DELETE FROM IMPORTER_NODE WHERE ID <> ?", self.id());
        jdbc.update("DELETE FROM INT_LOCK");
        jdbc.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL");
        clock.set(ManualTimeConfiguration.START);
        heartbeat.beat();
    }

    @Test
    void thisNodeIsListedAliveFromItsStartWithItsHeartbeatAndTheImportsItRuns() {
        long importId = anImport();
        leases.acquire(importId, self.id(), clock.instant(), clock.instant().plusSeconds(30));

        assertThat(nodes.list()).singleElement().satisfies(node -> {
            assertThat(node.id()).isEqualTo(self.id());
            assertThat(node.name()).isEqualTo("node-a");
            assertThat(node.alive()).isTrue();
            assertThat(node.thisNode()).isTrue();
            assertThat(node.lastHeartbeat()).isEqualTo(clock.instant());
            assertThat(node.imports()).containsExactly(importId);
        });
    }

    @Test
    void aNodeThatStopsBeatingIsShownDeadAfterTwiceTheLeaseTimeAndForgottenLater() {
        Instant started = clock.instant();
        rows.heartbeat(NODE_B, "node-b", "http://node-b:8080", started, started);
        long importId = anImport();
        leases.acquire(importId, NODE_B, started, started.plusSeconds(30));

        clock.advance(Duration.ofSeconds(60));
        heartbeat.beat();
        assertThat(nodes.list()).filteredOn(node -> node.id().equals(NODE_B)).singleElement().satisfies(node -> {
            assertThat(node.alive()).as("heard from exactly twice the lease time ago").isTrue();
            assertThat(node.baseUrl()).isEqualTo("http://node-b:8080");
        });

        clock.advance(Duration.ofSeconds(1));
        heartbeat.beat();
        assertThat(nodes.list()).extracting(NodeStatus::name, NodeStatus::alive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", true),
                        org.assertj.core.groups.Tuple.tuple("node-b", false));
        assertThat(nodes.list().get(1).imports()).as("its import, awaiting takeover").containsExactly(importId);

        clock.advance(Duration.ofHours(1));
        heartbeat.beat();
        assertThat(rows.findAll()).extracting(NodeRepository.NodeRow::id).containsExactly(self.id());
        assertThat(nodes.list()).as("still listed through the lease it holds, without a heartbeat")
                .filteredOn(node -> node.id().equals(NODE_B)).singleElement()
                .satisfies(node -> assertThat(node.lastHeartbeat()).isNull());
    }

    @Test
    void theNodeHoldingTheLeadersLockIsTheLeaderUntilTheLockExpires() {
        rows.heartbeat(NODE_B, "node-b", null, clock.instant(), clock.instant());
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO INT_LOCK (LOCK_KEY, REGION, CLIENT_ID, CREATED_DATE, EXPIRED_AFTER) VALUES (?, ?, ?, ?, ?)",
                LeaderElection.leaderLockKey(), LeaderElection.REGION, LeaderElection.clientIdOf(NODE_B), now,
                now.plusSeconds(10));

        assertThat(nodes.list()).extracting(NodeStatus::name, NodeStatus::leader)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-b", true),
                        org.assertj.core.groups.Tuple.tuple("node-a", false));

        jdbc.update("UPDATE INT_LOCK SET EXPIRED_AFTER = ?", now.minusSeconds(1));
        assertThat(nodes.list()).noneMatch(NodeStatus::leader);
    }

    @Test
    void aGracefulStopTakesTheNodeOffTheListAndAHeartbeatPutsItBack() {
        heartbeat.stop();
        assertThat(rows.findAll()).isEmpty();

        heartbeat.start();
        assertThat(nodes.list()).extracting(NodeStatus::id).containsExactly(self.id());
    }

    private long anImport() {
        return imports.insert(new NewImport("cmp_nodes_unit", "test", "unit.csv", null, Path.of("unused"),
                "hash-" + System.nanoTime(), ImportStatus.RUNNING, 1, 1, 0, 0, 500, null));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ImporterProperties.class, ClusterProperties.class})
    static class Settings {
    }
}
