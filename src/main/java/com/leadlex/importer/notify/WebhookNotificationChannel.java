package com.leadlex.importer.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * POSTs the message as JSON to {@code importer.notifications.webhook-url}: {@code text} is what
 * Slack, Teams and Mattermost incoming webhooks show; the other fields are for machines. A 2xx
 * answer counts as sent; anything else is retried by the dispatcher. The URL is a secret (it is the
 * credential of an incoming webhook): it is never logged.
 */
@Component
class WebhookNotificationChannel implements NotificationChannel {

    private final NotificationProperties properties;
    private final HttpClient http;

    WebhookNotificationChannel(NotificationProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.sendTimeout()).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean configured() {
        return properties.webhookConfigured();
    }

    @Override
    public void send(OutboxMessage message) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                .timeout(properties.sendTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
