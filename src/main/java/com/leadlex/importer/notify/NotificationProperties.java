package com.leadlex.importer.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how notifications go ({@code importer.notifications.*}).
 *
 * @param webhookUrl   a Slack, Teams or Mattermost incoming webhook (a secret: from
 *                     {@code IMPORTER_NOTIFICATIONS_WEBHOOK_URL}); blank: no webhook messages
 * @param email        recipients and sender; the SMTP server is Spring's {@code spring.mail.*}
 * @param pollInterval how often the outbox is looked at for messages to send
 * @param maxAttempts  sends of one message before it is given up (and logged)
 * @param retryBackoff wait after the first failed send; doubled after each further one
 * @param sendTimeout  how long one webhook call, or each SMTP connect, read and write, may take
 */
@ConfigurationProperties("importer.notifications")
public record NotificationProperties(
        String webhookUrl,
        @DefaultValue Email email,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("10s") Duration sendTimeout) {

    /**
     * @param to   recipients; empty: no e-mail
     * @param from the sender address
     */
    public record Email(@DefaultValue List<String> to, @DefaultValue("leadlex-importer@localhost") String from) {
    }

    boolean webhookConfigured() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    boolean emailConfigured() {
        return email != null && email.to() != null && email.to().stream().anyMatch(to -> !to.isBlank());
    }
}
