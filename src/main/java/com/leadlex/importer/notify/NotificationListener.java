package com.leadlex.importer.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportEndedEvent;
import com.leadlex.importer.sources.SourceEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hears the job's and the sources' events and writes one outbox row per configured channel. It
 * only writes a row (milliseconds, no network), and a failure here is logged, never thrown: telling
 * people must not block or fail an import.
 */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final NotificationMessages messages;
    private final NotificationOutbox outbox;
    private final List<NotificationChannel> channels;
    private final JsonMapper json;

    NotificationListener(NotificationMessages messages, NotificationOutbox outbox, List<NotificationChannel> channels,
            JsonMapper json) {
        this.messages = messages;
        this.outbox = outbox;
        this.channels = channels;
        this.json = json;
    }

    @EventListener
    void importEnded(ImportEndedEvent event) {
        messages.of(event).ifPresent(this::enqueue);
    }

    /**
     * A rejected file is taken by one node only, so it is told as it comes. A source failing or
     * recovering is seen by every node that polls it: each change is told once for all of them,
     * numbered after the last one any node told (nodes seeing it at once queue the same key, kept once),
     * and a node that sees a change already told, by itself or another node, adds nothing.
     */
    @EventListener
    void sourceChanged(SourceEvent event) {
        if (event.kind() == SourceEvent.Kind.FILE_REJECTED) {
            enqueue(messages.of(event));
            return;
        }
        try {
            String lastTold = outbox.lastSourceStateKey(event.routeId()).orElse(null);
            if (NotificationMessages.alreadyTold(event.routeId(), event.kind(), lastTold)) {
                log.debug("Source {} {}: already told", event.source(), event.kind());
                return;
            }
            Notification notification = messages.of(event);
            enqueue(new Notification(NotificationMessages.sourceStateKey(event.routeId(), event.kind(), lastTold),
                    notification.kind(), notification.subject(), notification.text(), notification.fields()));
        } catch (RuntimeException e) {
            log.warn("Source {} {} could not be told: {}", event.source(), event.kind(), e.toString());
        }
    }

    private void enqueue(Notification notification) {
        try {
            String payload = payload(notification);
            for (NotificationChannel channel : channels) {
                if (channel.configured() && outbox.add(notification, channel.name(), payload)) {
                    log.debug("Notification {} queued for {}", notification.key(), channel.name());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notification '{}' could not be queued: {}", notification.subject(), e.toString());
        }
    }

    private String payload(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", notification.text());
        body.put("kind", notification.kind());
        body.put("subject", notification.subject());
        body.putAll(notification.fields());
        return json.writeValueAsString(body);
    }
}
