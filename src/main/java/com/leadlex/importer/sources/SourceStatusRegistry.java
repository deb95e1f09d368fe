package com.leadlex.importer.sources;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.util.URISupport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The live status of every source: each configured one ({@code importer.sources.*}), with a route or
 * left without one (switched off, or a secret missing: {@link #disable}), and any other route
 * reading files, local or remote. Kept in memory and updated by the poll reporter, the error log and
 * the headers bean. Per instance: after a restart a source starts from "waiting" until its first poll.
 */
@Component
public class SourceStatusRegistry {

    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> disabledReasons = new ConcurrentHashMap<>();
    private final CamelContext camelContext;
    private final SourcesProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public SourceStatusRegistry(CamelContext camelContext, SourcesProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.camelContext = camelContext;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** Every source, by name; a route that is not started, or a source without one, shows as {@code disabled}. */
    public List<SourceStatus> all() {
        Set<String> routeIds = new TreeSet<>(properties.sources().keySet());
        camelContext.getRoutes().stream().filter(SourceStatusRegistry::readsFiles).map(Route::getRouteId)
                .forEach(routeIds::add);
        return routeIds.stream().map(routeId -> current(routeId).orElseThrow())
                .sorted(Comparator.comparing(SourceStatus::source))
                .toList();
    }

    public Optional<SourceStatus> current(String routeIdOrName) {
        String routeId = routeIdOf(routeIdOrName);
        if (routeId == null) {
            return Optional.empty();
        }
        Route route = camelContext.getRoute(routeId);
        if (route == null || !readsFiles(route)) {
            return Optional.of(withoutRoute(routeId));
        }
        SourceStatus status = statuses.computeIfAbsent(routeId, this::initial);
        ServiceStatus routeStatus = camelContext.getRouteController().getRouteStatus(routeId);
        if (routeStatus != ServiceStatus.Started && "waiting".equals(status.state())) {
            return Optional.of(initial(routeId));
        }
        return Optional.of(status);
    }

    /** The name a source's imports carry: its configured source name, else its route id. */
    public String sourceName(String routeId) {
        String configured = properties.forRoute(routeId).sourceName();
        return configured == null || configured.isBlank() ? routeId : configured;
    }

    /** Records that a configured source gets no route, and why, for the status and health. */
    void disable(String routeId, String reason) {
        disabledReasons.put(routeId, reason);
    }

    /** Records a good poll; the first after failures publishes {@link SourceEvent.Kind#RECOVERED}. */
    void pollSucceeded(String routeId, int files) {
        SourceStatus before = statuses.get(routeId);
        SourceStatus after = update(routeId, status -> status.polled(clock.instant(), files));
        if (before != null && "failing".equals(before.state())) {
            events.publishEvent(new SourceEvent(SourceEvent.Kind.RECOVERED, after.source(), routeId,
                    "polled again after " + before.consecutiveFailures() + " failed poll(s): " + before.lastError(),
                    null, after.lastPollAt()));
        }
    }

    /**
     * Records a failed poll and returns the failures in a row, this one included. Only the first of a
     * run publishes {@link SourceEvent.Kind#FAILING}: one message per change of state, not per poll.
     */
    int pollFailed(String routeId, String reason) {
        SourceStatus after = update(routeId, status -> status.pollFailed(clock.instant(), reason));
        if (after.consecutiveFailures() == 1) {
            events.publishEvent(new SourceEvent(SourceEvent.Kind.FAILING, after.source(), routeId, reason, null,
                    after.lastErrorAt()));
        }
        return after.consecutiveFailures();
    }

    /** Records a file the source could not stage (moved to failed/), and tells listeners once. */
    void fileRejected(String routeId, String fileName, String reason) {
        SourceStatus after = update(routeId,
                status -> status.fileRejected(clock.instant(), "last file rejected: " + fileName + ": " + reason));
        events.publishEvent(new SourceEvent(SourceEvent.Kind.FILE_REJECTED, after.source(), routeId, reason, fileName,
                after.lastErrorAt()));
    }

    void filePicked(String routeId, String fileName) {
        update(routeId, status -> status.picked(clock.instant(), fileName));
    }

    void fileFailed(String routeId, String reason) {
        update(routeId, status -> status.fileFailed(clock.instant(), reason));
    }

    /** The route id for a route id or a source name; null when neither a source route nor a configured source. */
    private String routeIdOf(String routeIdOrName) {
        Route route = camelContext.getRoute(routeIdOrName);
        if (route != null && readsFiles(route) || properties.sources().containsKey(routeIdOrName)) {
            return routeIdOrName;
        }
        Set<String> candidates = new TreeSet<>(properties.sources().keySet());
        camelContext.getRoutes().stream().filter(SourceStatusRegistry::readsFiles).map(Route::getRouteId)
                .forEach(candidates::add);
        return candidates.stream().filter(id -> routeIdOrName.equals(sourceName(id))).findFirst().orElse(null);
    }

    private static boolean readsFiles(Route route) {
        return route.getEndpoint() instanceof GenericFileEndpoint<?>;
    }

    private SourceStatus update(String routeId, UnaryOperator<SourceStatus> change) {
        return statuses.compute(routeId, (id, old) -> change.apply(old == null ? initial(id) : old));
    }

    private SourceStatus initial(String routeId) {
        Route route = camelContext.getRoute(routeId);
        SourceProperties settings = properties.forRoute(routeId);
        boolean started = route != null
                && camelContext.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
        String endpoint = route == null ? null : URISupport.sanitizeUri(route.getEndpoint().getEndpointBaseUri());
        return SourceStatus.initial(sourceName(routeId), routeId, started, endpoint, settings.schedule(),
                settings.hostKeyChecked());
    }

    private SourceStatus withoutRoute(String routeId) {
        SourceProperties settings = properties.forRoute(routeId);
        String reason = disabledReasons.getOrDefault(routeId,
                settings.enabled() ? "no route made from its settings yet" : "switched off (enabled: false)");
        return SourceStatus.disabled(sourceName(routeId), routeId, reason, settingsEndpoint(settings),
                settings.schedule(), settings.hostKeyChecked());
    }

    /** Where a source without a route would look, as its route's endpoint would say it. */
    private static String settingsEndpoint(SourceProperties settings) {
        if (SourceProperties.isSet(settings.host())) {
            return "sftp://" + settings.host() + ":" + (settings.port() == null ? 22 : settings.port()) + "/"
                    + (settings.directory() == null ? "" : settings.directory());
        }
        return settings.directory() == null ? null : "file://" + settings.directory();
    }
}
