package com.leadlex.importer.webhook;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.leadlex.importer.system.ImporterProperties;

/**
 * Webhook settings ({@code importer.webhooks.*}).
 *
 * @param sources            the sources by name: {@code POST /webhooks/<name>}
 * @param batchSize          pending IDs of one campaign that make an import start at once (a full chunk)
 * @param maxWait            how long the oldest pending ID of a campaign may wait for a full batch
 * @param pollInterval       how often pending IDs are checked
 * @param claimLease         how long a claimed batch may stay unlaunched before another poll launches it
 * @param timestampTolerance how far a signed timestamp may be from now (replay protection)
 * @param maxBodySize        larger bodies are refused with 413
 */
@ConfigurationProperties("importer.webhooks")
public record WebhookProperties(
        Map<String, WebhookSource> sources,
        @DefaultValue("500") int batchSize,
        @DefaultValue("60s") Duration maxWait,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2m") Duration claimLease,
        @DefaultValue("5m") Duration timestampTolerance,
        @DefaultValue("1MB") DataSize maxBodySize) {

    public WebhookProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        if (batchSize < 1 || batchSize > ImporterProperties.LEADLEX_MAX_IDS_PER_REQUEST) {
            throw new IllegalArgumentException("importer.webhooks.batch-size must be between 1 and 500, but is "
                    + batchSize);
        }
    }

    public long maxBodyBytes(WebhookSource source) {
        return (source.maxBodySize() == null ? maxBodySize : source.maxBodySize()).toBytes();
    }
}
