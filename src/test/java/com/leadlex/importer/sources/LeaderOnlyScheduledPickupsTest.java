package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.cluster.LeadershipChanged;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;

/**
 * A cron pickup takes files only while this node leads: on a node that does not lead its schedule
 * fires and nothing is taken; granted leadership, the next firing takes the file; revoked, it stops
 * again. An interval poller is left alone whatever the leadership. Real Camel, real Quartz, a
 * folder in a temporary directory; leadership is granted and revoked by hand.
 */
class LeaderOnlyScheduledPickupsTest {

    @TempDir
    Path dir;

    private CamelContext camel;
    private Leadership leadership;

    @BeforeEach
    void startCamel() throws Exception {
        LeaderOnlyScheduledPickups[] pickups = new LeaderOnlyScheduledPickups[1];
        leadership = new Leadership(new InstanceIdentity(new ImporterProperties(dir, dir, 500, 1,
                Duration.ofSeconds(15), false, "", "node-a", Duration.ofSeconds(30))),
                event -> pickups[0].leadershipChanged((LeadershipChanged) event));
        pickups[0] = new LeaderOnlyScheduledPickups(leadership);
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(pickups[0]);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("nightly") + "?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?")
                        .routeId("nightly-pickup").to("log:taken");
                from("file:" + dir.resolve("inbox") + "?delay=100").routeId("inbox").to("log:taken");
            }
        });
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void aCronPickupTakesFilesOnlyWhileThisNodeLeads() throws Exception {
        Path tonight = Files.writeString(Files.createDirectories(dir.resolve("nightly")).resolve("tonight.csv"), "x");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(tonight));
        assertThat(camel.getRouteController().getRouteStatus("nightly-pickup").isStarted())
                .as("the route stays started, only its polls are held").isTrue();

        leadership.onGranted(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(tonight));

        leadership.onRevoked(null);
        Path tomorrow = Files.writeString(dir.resolve("nightly").resolve("tomorrow.csv"), "x");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(tomorrow));
    }

    /**
     * The route policy suspends a cron pickup only once its route has started; a firing in between is
     * held back by the poll strategy asking {@code mayPoll}. Here no policy suspends anything, as in
     * that moment, and the strategy alone keeps the file where it is until this node leads.
     */
    @Test
    void aCronPickupsPollDoesNotBeginOnANodeThatDoesNotLeadEvenBeforeItsRouteIsSuspended() throws Exception {
        LeaderOnlyScheduledPickups pickups = new LeaderOnlyScheduledPickups(leadership);
        CamelContext unsuspended = new DefaultCamelContext();
        unsuspended.getRegistry().bind("leaderOnly", new DefaultPollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                return pickups.mayPoll(consumer);
            }
        });
        unsuspended.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("early") + "?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?"
                        + "&pollStrategy=#leaderOnly").routeId("early-pickup").to("log:taken");
            }
        });
        Path early = Files.writeString(Files.createDirectories(dir.resolve("early")).resolve("early.csv"), "x");
        unsuspended.start();
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(early));

            leadership.onGranted(null);
            await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(early));
        } finally {
            unsuspended.stop();
        }
    }

    @Test
    void aPollerWithADelayRunsOnEveryNode() throws Exception {
        Path list = Files.writeString(Files.createDirectories(dir.resolve("inbox")).resolve("list.csv"), "x");

        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(list));
    }
}
