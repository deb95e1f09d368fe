package com.leadlex.importer.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes on one database find each other ({@code importer.cluster.*}). The node's heartbeat and
 * its import leases follow {@code importer.lease-ttl}.
 *
 * @param nodeUrl          how other nodes and operators reach this node's API, shown in /api/nodes;
 *                         blank: {@code http://<host name>:<server port>}
 * @param leaderLockTtl    how long the leader's lock holds unless renewed (it is renewed every tenth of
 *                         it): a dead leader is replaced within about this time, a stopped one at once
 * @param stopCheckInterval how often a node looks for stops asked through another node's API for the
 *                         imports it runs
 * @param forgetNodesAfter a node that stopped sending heartbeats is dropped from the list after this
 */
@ConfigurationProperties("importer.cluster")
public record ClusterProperties(
        String nodeUrl,
        @DefaultValue("10s") Duration leaderLockTtl,
        @DefaultValue("1s") Duration stopCheckInterval,
        @DefaultValue("1d") Duration forgetNodesAfter) {

    public ClusterProperties {
        if (leaderLockTtl.toMillis() < 1000) {
            throw new IllegalArgumentException("importer.cluster.leader-lock-ttl must be at least 1s, but is "
                    + leaderLockTtl);
        }
        if (stopCheckInterval.toMillis() < 50) {
            throw new IllegalArgumentException("importer.cluster.stop-check-interval must be at least 50ms, but is "
                    + stopCheckInterval);
        }
    }

    /** How often the leader renews its lock and the others try to take it: a tenth of its time to live. */
    public Duration leaderHeartbeat() {
        return leaderLockTtl.dividedBy(10);
    }
}
