package com.leadlex.importer.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Who this running importer is, as lease owners name it: {@code <node>/<pid>/<start>/<random>}.
 * The node name comes from {@code importer.node-name} (the host name by default); the random part
 * tells two applications in one JVM apart. From such a name another instance can sometimes prove
 * that its owner is gone: same node, and that process is no longer alive.
 */
@Component
public class InstanceIdentity {

    private final String nodeName;
    private final String id;

    public InstanceIdentity(ImporterProperties properties) {
        this.nodeName = properties.nodeName() == null || properties.nodeName().isBlank() ? hostName()
                : properties.nodeName().replace('/', '-');
        ProcessHandle self = ProcessHandle.current();
        this.id = nodeName + "/" + self.pid() + "/" + startMillis(self) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    public String nodeName() {
        return nodeName;
    }

    /** The node name part of an instance ID (a lease owner), or null for none. */
    public static String nodeNameOf(String instanceId) {
        if (instanceId == null) {
            return null;
        }
        int slash = instanceId.indexOf('/');
        return slash < 0 ? instanceId : instanceId.substring(0, slash);
    }

    /** True only when {@code owner} ran on this node in a process that is no longer alive. */
    public boolean isProvablyGone(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 4 || !parts[0].equals(nodeName)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long started = Long.parseLong(parts[2]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            // a live process with that pid is the owner only if it started when the owner did
            return process.isEmpty() || !process.get().isAlive() || startMillis(process.get()) != started;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) / 1000 * 1000;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
