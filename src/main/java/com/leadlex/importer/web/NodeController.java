package com.leadlex.importer.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.leadlex.importer.cluster.ClusterNodes;
import com.leadlex.importer.cluster.NodeStatus;

/** Read API over the nodes sharing this database: who is there, who leads, and what each runs. */
@Tag(name = "Nodes", description = "The importers sharing this database, their heartbeats and imports")
@RestController
@RequestMapping("/api/nodes")
public class NodeController {

    private final ClusterNodes nodes;

    public NodeController(ClusterNodes nodes) {
        this.nodes = nodes;
    }

    @Operation(summary = "List the nodes: last heartbeat, alive, leader, and the imports whose leases each holds",
            description = "A node is alive when it sent a heartbeat within twice importer.lease-ttl; one stopped "
                    + "gracefully leaves the list, a dead one stays (alive: false) until another node takes its "
                    + "imports over and importer.cluster.forget-nodes-after has passed.")
    @GetMapping
    public List<NodeStatus> list() {
        return nodes.list();
    }
}
