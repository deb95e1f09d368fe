package com.leadlex.importer.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on its own scheduler thread (never an import's). A failed send is
 * tried again after {@code retry-backoff}, doubled each time, up to {@code max-attempts}, then given
 * up; every failure is logged with the message's subject, never with the webhook URL.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;

    private final NotificationOutbox outbox;
    private final Map<String, NotificationChannel> channels;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationDispatcher(NotificationOutbox outbox, List<NotificationChannel> channels,
            NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${importer.notifications.poll-interval:2s}")
    void sendDue() {
        for (OutboxMessage message : outbox.due(BATCH)) {
            // a claim outlives any one send (timeout), so no other node takes it while it is in flight
            Instant claimUntil = clock.instant().plus(properties.sendTimeout().multipliedBy(3));
            if (outbox.claim(message, claimUntil)) {
                send(message);
            }
        }
    }

    private void send(OutboxMessage message) {
        int attempts = message.attempts() + 1;
        NotificationChannel channel = channels.get(message.channel());
        try {
            if (channel == null || !channel.configured()) {
                throw new IllegalStateException("the " + message.channel() + " channel is not configured any more");
            }
            channel.send(message);
            outbox.sent(message.id(), attempts);
            log.info("Notification sent by {}: {}", message.channel(), message.subject());
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= properties.maxAttempts()) {
                outbox.gaveUp(message.id(), attempts, error);
                log.warn("Notification by {} given up after {} attempts: {} ({})", message.channel(), attempts,
                        message.subject(), error);
            } else {
                Instant next = clock.instant().plus(backoff(attempts));
                outbox.retryAt(message.id(), attempts, next, error);
                log.warn("Notification by {} failed (attempt {} of {}), next try at {}: {} ({})", message.channel(),
                        attempts, properties.maxAttempts(), next, message.subject(), error);
            }
        }
    }

    /** retry-backoff after the first failure, doubled after each further one, at most an hour. */
    private Duration backoff(int failures) {
        Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
