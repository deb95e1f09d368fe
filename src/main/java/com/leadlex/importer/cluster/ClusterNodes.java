package com.leadlex.importer.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.ledger.ImportLeaseRepository.Lease;
import com.leadlex.importer.system.ImporterProperties;
import com.leadlex.importer.system.InstanceIdentity;

/**
 * The nodes on this database as one list: each registered node with its heartbeat, whether it is
 * alive (heard from within twice {@code importer.lease-ttl}) and whether it leads, and the imports
 * whose leases it holds. An instance holding leases without a row (pruned while it was silent) is
 * listed too, so no import's owner is left out.
 */
@Component
public class ClusterNodes {

    private final NodeRepository nodes;
    private final ImportLeaseRepository leases;
    private final InstanceIdentity instance;
    private final Clock clock;
    private final Duration staleAfter;

    public ClusterNodes(NodeRepository nodes, ImportLeaseRepository leases, InstanceIdentity instance,
            ImporterProperties properties, Clock clock) {
        this.nodes = nodes;
        this.leases = leases;
        this.instance = instance;
        this.clock = clock;
        this.staleAfter = properties.leaseTtl().multipliedBy(2);
    }

    /** Live nodes first (the leader first among them), then the silent ones; by name within each. */
    public List<NodeStatus> list() {
        Instant now = clock.instant();
        Optional<String> leaderClient = nodes.leaderClientId();
        Map<String, List<Lease>> leasesByOwner = new TreeMap<>();
        for (Lease lease : leases.findAll()) {
            leasesByOwner.computeIfAbsent(lease.owner(), owner -> new ArrayList<>()).add(lease);
        }
        Map<String, NodeStatus> listed = new LinkedHashMap<>();
        for (NodeRepository.NodeRow row : nodes.findAll()) {
            List<Lease> held = leasesByOwner.getOrDefault(row.id(), List.of());
            listed.put(row.id(), new NodeStatus(row.id(), row.nodeName(), row.baseUrl(), row.startedAt(),
                    row.lastHeartbeat(), !row.lastHeartbeat().isBefore(now.minus(staleAfter)),
                    isLeader(row.id(), leaderClient), row.id().equals(instance.id()), importIds(held)));
        }
        leasesByOwner.forEach((owner, held) -> listed.computeIfAbsent(owner, unregistered -> new NodeStatus(owner,
                InstanceIdentity.nodeNameOf(owner), null, null, null,
                held.stream().anyMatch(lease -> !lease.expiredAt(now)), isLeader(owner, leaderClient),
                owner.equals(instance.id()), importIds(held))));
        return listed.values().stream().sorted(Comparator.comparing((NodeStatus node) -> !node.alive())
                .thenComparing(node -> !node.leader()).thenComparing(NodeStatus::name).thenComparing(NodeStatus::id))
                .toList();
    }

    private static boolean isLeader(String instanceId, Optional<String> leaderClient) {
        return leaderClient.map(LeaderElection.clientIdOf(instanceId)::equals).orElse(false);
    }

    private static List<Long> importIds(List<Lease> held) {
        return held.stream().map(Lease::importId).sorted().toList();
    }
}
