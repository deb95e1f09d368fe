package com.leadlex.importer.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One node as {@code GET /api/nodes} shows it.
 *
 * @param id            its instance ID, {@code <node>/<pid>/<start>/<random>}, as import leases name their owner
 * @param name          its node name ({@code importer.node-name}, else the host name)
 * @param baseUrl       where its API is, or null when not known (a one-shot command has none)
 * @param startedAt     when it registered, or null for an owner of leases that never registered
 * @param lastHeartbeat its latest heartbeat, or null for an owner of leases that never registered
 * @param alive         it sent a heartbeat within twice {@code importer.lease-ttl}
 * @param leader        it holds the cluster's leader lock
 * @param thisNode      it is the node that answered
 * @param imports       the imports whose lease it holds (queued or running there, or awaiting
 *                      takeover if it died)
 */
public record NodeStatus(String id, String name, String baseUrl, Instant startedAt, Instant lastHeartbeat,
        boolean alive, boolean leader, boolean thisNode, List<Long> imports) {
}
