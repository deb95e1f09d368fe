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

    @EventListener
    void sourceChanged(SourceEvent event) {
        enqueue(messages.of(event));
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
