package com.leadlex.importer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.leadlex.importer.system.PostgresTestDatabase;

/**
 * Two nodes' leader elections on one database, H2 and PostgreSQL (skipped when no PostgreSQL
 * answers, outside CI): one leads at a time; when it stops the other leads within a few heartbeats;
 * a leader that died without a word (its lock row left behind) is replaced once its lock expires.
 * The real {@link LeaderElection} over Spring Integration's lock registry, on the schema Flyway
 * makes, with a lock time to live of two seconds.
 */
class LeaderElectionTest {

    private static final Duration LOCK_TTL = Duration.ofSeconds(2);

    private final List<LeaderElection> elections = new ArrayList<>();

    @AfterEach
    void stopElections() {
        elections.forEach(LeaderElection::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneNodeLeadsAtATimeAndTheOtherTakesOverWhenItStops(String database) {
        DataSource dataSource = migrated(database);
        Node a = node(dataSource, "node-a/1/0/aaaaaaaa");
        Node b = node(dataSource, "node-b/2/0/bbbbbbbb");
        a.election.start();
        b.election.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> a.leads() || b.leads());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> a.leads() ^ b.leads());
        Node leader = a.leads() ? a : b;
        Node other = leader == a ? b : a;
        assertThat(leader.changes).containsExactly(true);

        leader.election.close();

        await().atMost(LOCK_TTL).until(other::leads);
        await().atMost(LOCK_TTL).untilAsserted(() -> assertThat(leader.changes).containsExactly(true, false));
        assertThat(other.changes).containsExactly(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLeaderThatDiedIsReplacedOnceItsLockExpires(String database) {
        DataSource dataSource = migrated(database);
        // what a leader killed with kill -9 leaves: its lock, valid for a while yet
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        new JdbcTemplate(dataSource).update("INSERT INTO INT_LOCK (LOCK_KEY, REGION, CLIENT_ID, CREATED_DATE, "
                + "EXPIRED_AFTER) VALUES (?, ?, ?, ?, ?)", LeaderElection.leaderLockKey(), LeaderElection.REGION,
                LeaderElection.clientIdOf("dead-node/3/0/cccccccc"), now, now.plusSeconds(3));
        Node survivor = node(dataSource, "node-a/1/0/aaaaaaaa");
        survivor.election.start();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !survivor.leads());
        await().atMost(Duration.ofSeconds(5)).until(survivor::leads);
    }

    private record Node(LeaderElection election, Leadership leadership, List<Boolean> changes) {

        boolean leads() {
            return leadership.isLeader();
        }
    }

    private Node node(DataSource dataSource, String instanceId) {
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        Leadership leadership = new Leadership(instanceId,
                event -> changes.add(((LeadershipChanged) event).leader()));
        LeaderElection election = new LeaderElection(dataSource, new DataSourceTransactionManager(dataSource),
                instanceId, LOCK_TTL, leadership);
        elections.add(election);
        return new Node(election, leadership, changes);
    }

    private static DataSource migrated(String database) {
        DataSource dataSource;
        if ("postgres".equals(database)) {
            assumeTrue(PostgresTestDatabase.availableOrRequired(), "no PostgreSQL at " + PostgresTestDatabase.URL);
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(PostgresTestDatabase.freshSchemaUrl());
            postgres.setUser(PostgresTestDatabase.USER);
            dataSource = postgres;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:leader-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
        }
        Flyway.configure().dataSource(dataSource).table("importer_schema_history").load().migrate();
        return dataSource;
    }
}
