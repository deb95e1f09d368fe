package com.leadlex.importer.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.ImporterProperties;

/**
 * {@code sources} in /actuator/health: every source route ({@code ingest-*}, whatever it reads:
 * the inbox folder, SFTP, webhooks) with its Camel status, and whether the inbox folder is there to
 * be written to. DOWN when a source route is not started, or the inbox is watched but unusable.
 */
@Component("sources")
public class SourcesHealthIndicator implements HealthIndicator {

    static final String SOURCE_ROUTE_PREFIX = "ingest-";
    static final String INBOX_ROUTE = "ingest-file";

    private final CamelContext camel;
    private final ImporterProperties properties;

    public SourcesHealthIndicator(CamelContext camel, ImporterProperties properties) {
        this.camel = camel;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Object> routes = new LinkedHashMap<>();
        boolean allStarted = true;
        for (Route route : camel.getRoutes()) {
            if (!route.getRouteId().startsWith(SOURCE_ROUTE_PREFIX)) {
                continue;
            }
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            routes.put(route.getRouteId(), status == null ? "unknown" : status.name());
            allStarted &= status == ServiceStatus.Started;
        }
        Path inbox = properties.inbox();
        boolean inboxUsable = Files.isDirectory(inbox) && Files.isWritable(inbox);
        boolean inboxWatched = routes.containsKey(INBOX_ROUTE);
        Health.Builder health = allStarted && (inboxUsable || !inboxWatched) ? Health.up() : Health.down();
        health.withDetail("routes", routes).withDetail("inbox", inbox.toAbsolutePath().normalize().toString())
                .withDetail("inboxUsable", inboxUsable);
        if (inboxWatched && !inboxUsable) {
            health.withDetail("action", "Create the inbox folder (importer.inbox) and let the importer write to it");
        }
        return health.build();
    }
}
