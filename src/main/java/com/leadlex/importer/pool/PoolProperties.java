package com.leadlex.importer.pool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.leadlex.importer.system.ImporterProperties;

/**
 * Small lists pooled per campaign ({@code importer.pool.*}).
 *
 * @param below   a list from a folder, SFTP or scheduled source with fewer valid IDs than this joins its
 *                campaign's pool instead of costing a request of its own; 0 turns pooling off. At most 500:
 *                a pooled list always fits in one request, so it follows exactly one pooled import
 * @param maxWait how long a pooled list's IDs may wait for the pool to fill (500 pending IDs) before they are
 *                sent with whatever else is pending for the campaign
 */
@ConfigurationProperties("importer.pool")
public record PoolProperties(
        @DefaultValue("500") int below,
        @DefaultValue("60s") Duration maxWait) {

    public PoolProperties {
        if (below < 0 || below > ImporterProperties.LEADLEX_MAX_IDS_PER_REQUEST) {
            throw new IllegalArgumentException("importer.pool.below must be between 0 (off) and 500, but is " + below);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("importer.pool.max-wait must not be negative, but is " + maxWait);
        }
    }
}
