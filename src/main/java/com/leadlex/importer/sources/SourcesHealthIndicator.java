package com.leadlex.importer.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.ImporterProperties;

/**
 * {@code sources} in /actuator/health: every configured source (the inbox folder, SFTP pickups,
 * nightly schedules) with its state as the poll reporter last saw it and its route's Camel status,
 * and whether the inbox folder is there to be written to. DOWN when an enabled source is failing
 * FAILING (not DOWN) when an enabled source is failing or its route is not started: one partner's
 * SFTP outage is that source's problem, shown in the {@code sources} health group (503) and in
 * {@code importer_source_failing}, while the importer's overall health, liveness and readiness stay
 * UP (the status order in application.yml puts FAILING after UP). DOWN when the inbox is watched but
 * unusable: that is this machine's own folder. Disabled sources are listed,
 * with the reason when they have no route (switched off, or a missing secret: a restart would not
 * mend that, so it does not turn health DOWN either).
 */
@Component("sources")
public class SourcesHealthIndicator implements HealthIndicator {

    static final String INBOX_ROUTE = "ingest-file";
    /** A source cannot be read; the importer itself is fine. */
    public static final Status FAILING = new Status("FAILING", "a source is failing; see its state");

    private final CamelContext camel;
    private final SourceStatusRegistry sources;
    private final ImporterProperties properties;

    public SourcesHealthIndicator(CamelContext camel, SourceStatusRegistry sources, ImporterProperties properties) {
        this.camel = camel;
        this.sources = sources;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Object> states = new LinkedHashMap<>();
        boolean healthy = true; // every enabled source polls and its route runs
        boolean inboxWatched = false;
        for (SourceStatus source : sources.all()) {
            ServiceStatus route = camel.getRouteController().getRouteStatus(source.routeId());
            String routeState = route == null ? "unknown" : route.name();
            states.put(source.routeId(), describe(source, routeState));
            if (!"disabled".equals(source.state())) {
                healthy &= route == ServiceStatus.Started && !"failing".equals(source.state());
                inboxWatched |= INBOX_ROUTE.equals(source.routeId());
            }
        }
        Path inbox = properties.inbox();
        boolean inboxUsable = Files.isDirectory(inbox) && Files.isWritable(inbox);
        Health.Builder health = !inboxUsable && inboxWatched ? Health.down()
                : healthy ? Health.up() : Health.status(FAILING);
        health.withDetail("routes", states).withDetail("inbox", inbox.toAbsolutePath().normalize().toString())
                .withDetail("inboxUsable", inboxUsable);
        if (inboxWatched && !inboxUsable) {
            health.withDetail("action", "Create the inbox folder (importer.inbox) and let the importer write to it");
        }
        return health.build();
    }

    private static String describe(SourceStatus source, String routeState) {
        if (source.disabledReason() != null) {
            return "disabled: " + source.disabledReason();
        }
        boolean failing = "failing".equals(source.state());
        return source.state() + " (route " + routeState + ")"
                + (source.lastError() == null || !failing ? "" : ": " + source.lastError());
    }
}
