package com.leadlex.importer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import com.leadlex.importer.sources.SourceEvent;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;

/**
 * Several nodes share one NOTIFICATION_OUTBOX: each runs its own dispatcher, and every dispatcher
 * looks at the same due rows at the same time. Each message must still go out exactly once (the
 * claim is one conditional update that only one node wins), and a message whose node died after
 * claiming it (a crash mid-send) goes out once, from another node, when the claim has expired; a
 * source failing or recovering, which every node polling it sees, is queued once per change. A
 * JDBC slice, run on H2 and on PostgreSQL by the two subclasses, on the manual clock.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({NotificationOutbox.class, ManualTimeConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class NotificationOutboxAcrossNodesTests {

    private static final int MESSAGES = 120;
    private static final int NODES = 3;
    private static final NotificationProperties SETTINGS = new NotificationProperties("http://127.0.0.1:1/unused",
            new NotificationProperties.Email(List.of(), "importer@localhost"), Duration.ofSeconds(2), 5,
            Duration.ofSeconds(30), Duration.ofSeconds(10));

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManualClock clock;

    private final ExecutorService threads = Executors.newFixedThreadPool(NODES);
    /** Sends per event key, over every node: exactly-once means each is 1. */
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    @BeforeEach
    void anEmptyOutbox() {
        jdbc.update("DELETE FROM NOTIFICATION_OUTBOX");
        clock.set(ManualTimeConfiguration.START);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void threeNodesDispatchingTheSameRowsAtOnceSendEachMessageOnce() throws Exception {
        List<String> keys = queue(MESSAGES);
        List<RecordingChannel> channels = new ArrayList<>();
        List<NotificationDispatcher> dispatchers = new ArrayList<>();
        // every node holds its first send until each node has claimed one: they dispatch side by side
        CountDownLatch everyNodeSending = new CountDownLatch(NODES);
        for (int node = 0; node < NODES; node++) {
            RecordingChannel channel = new RecordingChannel(everyNodeSending);
            channels.add(channel);
            dispatchers.add(new NotificationDispatcher(outbox, List.of(channel), SETTINGS, clock));
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> nodes = new ArrayList<>();
        for (NotificationDispatcher dispatcher : dispatchers) {
            nodes.add(threads.submit(() -> {
                go.await();
                while (pendingRows() > 0) {
                    dispatcher.sendDue();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> node : nodes) {
            node.get(60, TimeUnit.SECONDS);
        }

        assertThat(sends).as("every message sent").containsOnlyKeys(keys);
        assertThat(sends).as("and each exactly once").allSatisfy((key, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(channels).as("every node took its share").allSatisfy(channel -> assertThat(channel.sent.get())
                .isPositive());
        assertThat(channels.stream().mapToInt(channel -> channel.sent.get()).sum()).isEqualTo(MESSAGES);
        assertThat(outbox.recent(MESSAGES + 10)).hasSize(MESSAGES).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aMessageWhoseNodeDiedMidSendGoesOutOnceFromAnotherNodeAfterTheClaimExpires() {
        String key = queue(1).get(0);
        OutboxMessage due = outbox.due(10).get(0);
        // node A claims it and dies before sending: the row stays SENDING until its claim runs out
        assertThat(outbox.claim(due, clock.instant().plus(SETTINGS.sendTimeout().multipliedBy(3)))).isTrue();
        assertThat(outbox.claim(due, clock.instant().plusSeconds(60))).as("a claim is won once").isFalse();
        NotificationDispatcher nodeB = new NotificationDispatcher(outbox,
                List.of(new RecordingChannel(new CountDownLatch(0))), SETTINGS, clock);

        nodeB.sendDue();
        assertThat(sends).as("not while node A's claim holds").isEmpty();

        clock.advance(SETTINGS.sendTimeout().multipliedBy(3).plusSeconds(1));
        nodeB.sendDue();
        nodeB.sendDue();

        assertThat(sends).containsOnlyKeys(key);
        assertThat(sends.get(key).get()).isEqualTo(1);
        assertThat(outbox.recent(10)).singleElement().extracting(OutboxMessage::status).isEqualTo("SENT");
    }

    @Test
    void theSameChangeQueuedByTwoNodesAtOnceIsOneRow() throws Exception {
        Notification notification = notification("import:1:execution:1:FAILED:" + UUID.randomUUID());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> adds = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            adds.add(threads.submit(() -> {
                go.await();
                return outbox.add(notification, "webhook", "{}");
            }));
        }
        go.countDown();
        int added = 0;
        for (Future<Boolean> add : adds) {
            added += add.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(added).isEqualTo(1);
        assertThat(outbox.recent(10)).hasSize(1);
    }

    @Test
    void aSourceFailingAndRecoveringOnEveryNodeIsToldOncePerChangeOnEachChannel() throws Exception {
        List<NotificationListener> nodes = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            nodes.add(new NotificationListener(new NotificationMessages(), outbox,
                    List.of(new RecordingChannel(new CountDownLatch(0)), new ConfiguredEmail()),
                    JsonMapper.builder().build()));
        }

        // a source whose ID partner_sftp's would match as a LIKE pattern: its changes are its own
        nodes.get(1).sourceChanged(sourceEvent(SourceEvent.Kind.FAILING, "partnerXsftp"));
        everyNodeAtOnce(nodes, node -> node.sourceChanged(sourceEvent(SourceEvent.Kind.FAILING, "partner_sftp")));
        everyNodeAtOnce(nodes, node -> node.sourceChanged(sourceEvent(SourceEvent.Kind.RECOVERED, "partner_sftp")));
        // one node sees it fail again, then the others do
        nodes.get(0).sourceChanged(sourceEvent(SourceEvent.Kind.FAILING, "partner_sftp"));
        everyNodeAtOnce(nodes, node -> node.sourceChanged(sourceEvent(SourceEvent.Kind.FAILING, "partner_sftp")));
        nodes.get(2).sourceChanged(sourceEvent(SourceEvent.Kind.RECOVERED, "nobody-heard-it-fail"));

        assertThat(outbox.recent(100)).extracting(row -> row.channel() + " " + row.eventKey())
                .containsExactlyInAnyOrder(
                        "webhook source:partner_sftp:state:failing:0", "email source:partner_sftp:state:failing:0",
                        "webhook source:partner_sftp:state:recovered:1", "email source:partner_sftp:state:recovered:1",
                        "webhook source:partner_sftp:state:failing:2", "email source:partner_sftp:state:failing:2",
                        "webhook source:partnerXsftp:state:failing:0", "email source:partnerXsftp:state:failing:0");
    }

    private void everyNodeAtOnce(List<NotificationListener> nodes,
            java.util.function.Consumer<NotificationListener> change) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (NotificationListener node : nodes) {
            done.add(threads.submit(() -> {
                go.await();
                change.accept(node);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    private SourceEvent sourceEvent(SourceEvent.Kind kind, String routeId) {
        // each node notices at its own moment: the time is no part of the change
        clock.advance(Duration.ofMillis(7));
        return new SourceEvent(kind, routeId, routeId, "Connection refused", null, clock.instant());
    }

    private List<String> queue(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "import:" + i + ":execution:" + i + ":FAILED:" + UUID.randomUUID();
            assertThat(outbox.add(notification(key), "webhook", "{\"text\":\"" + key + "\"}")).isTrue();
            keys.add(key);
        }
        return keys;
    }

    private static Notification notification(String key) {
        return new Notification(key, "import_failed", "Import failed: " + key, "It failed", Map.of());
    }

    private int pendingRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM NOTIFICATION_OUTBOX WHERE STATUS <> 'SENT'", Integer.class);
    }

    /** An e-mail channel with recipients: only its name and that it is configured matter here. */
    private static final class ConfiguredEmail implements NotificationChannel {

        @Override
        public String name() {
            return "email";
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public void send(OutboxMessage message) {
            throw new UnsupportedOperationException("not sent in these tests");
        }
    }

    /** A node's webhook: counts what it sent; its first send waits until every node is sending. */
    private final class RecordingChannel implements NotificationChannel {

        final AtomicInteger sent = new AtomicInteger();
        private final CountDownLatch everyNodeSending;

        RecordingChannel(CountDownLatch everyNodeSending) {
            this.everyNodeSending = everyNodeSending;
        }

        @Override
        public String name() {
            return "webhook";
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public void send(OutboxMessage message) throws InterruptedException {
            if (sent.getAndIncrement() == 0) {
                everyNodeSending.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> everyNodeSending.getCount() == 0);
            }
            sends.computeIfAbsent(message.eventKey(), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
