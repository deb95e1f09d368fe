package com.leadlex.importer.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.KeepAliveScheduler;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * This node's row in IMPORTER_NODE: registered when the application starts (after the web server,
 * so its URL is known, and before the leader election), renewed every third of
 * {@code importer.lease-ttl}, removed on a graceful stop. Each beat also forgets nodes silent for
 * {@code importer.cluster.forget-nodes-after}. At registration, instances of this host that are
 * provably gone (a kill -9 before a restart) are forgotten with their leadership lock, so the
 * restarted node need not wait for that lock to expire.
 */
@Component
public class NodeHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeRepository nodes;
    private final InstanceIdentity instance;
    private final ClusterProperties properties;
    private final Duration interval;
    private final Clock clock;
    private final KeepAliveScheduler scheduler;
    private final Environment environment;
    private volatile boolean running;
    private volatile Instant startedAt;
    private volatile String baseUrl;

    public NodeHeartbeat(NodeRepository nodes, InstanceIdentity instance, ClusterProperties properties,
            ImporterProperties importer, Clock clock, KeepAliveScheduler scheduler, Environment environment) {
        this.nodes = nodes;
        this.instance = instance;
        this.properties = properties;
        this.interval = importer.leaseTtl().dividedBy(3);
        this.clock = clock;
        this.scheduler = scheduler;
        this.environment = environment;
    }

    @Override
    public void start() {
        startedAt = clock.instant();
        baseUrl = baseUrl();
        forgetGoneInstancesOfThisHost();
        running = true;
        beat();
        scheduler.scheduleWithFixedDelay(this::beat, interval);
        log.info("Node {} registered as {}{}", instance.nodeName(), instance.id(), baseUrl == null ? "" : " at " + baseUrl);
    }

    void beat() {
        if (!running) {
            return;
        }
        try {
            Instant now = clock.instant();
            nodes.heartbeat(instance.id(), instance.nodeName(), baseUrl, startedAt, now);
            int forgotten = nodes.forgetSilentSince(now.minus(properties.forgetNodesAfter()));
            if (forgotten > 0) {
                log.info("Forgot {} node(s) not heard from for {}", forgotten, properties.forgetNodesAfter());
            }
        } catch (RuntimeException e) {
            log.warn("Could not record this node's heartbeat: {}", TransientDatabaseFailures.describe(e));
        }
    }

    private void forgetGoneInstancesOfThisHost() {
        try {
            for (NodeRepository.NodeRow node : nodes.findAll()) {
                if (instance.isProvablyGone(node.id())) {
                    int locks = nodes.deleteLocksOf(node.id());
                    nodes.remove(node.id());
                    log.info("Instance {} of this host is gone (its process ended without stopping): forgot it{}",
                            node.id(), locks > 0 ? " and freed the leadership it held" : "");
                }
            }
        } catch (RuntimeException e) {
            // only a shortcut: their rows go stale and their lock expires by itself
            log.warn("Could not look for instances of this host that are gone: {}", TransientDatabaseFailures.describe(e));
        }
    }

    /** A graceful stop leaves the list at once; a node that dies goes stale instead. */
    @Override
    public void stop() {
        running = false;
        try {
            nodes.remove(instance.id());
        } catch (RuntimeException e) {
            log.warn("Could not remove this node from the node list: {}", TransientDatabaseFailures.describe(e));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the leader election starts and after it stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private String baseUrl() {
        if (properties.nodeUrl() != null && !properties.nodeUrl().isBlank()) {
            return properties.nodeUrl();
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        String address = environment.getProperty("server.address");
        String host = address == null || address.isBlank() || "0.0.0.0".equals(address) ? hostName() : address;
        return "http://" + host + ":" + port;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
