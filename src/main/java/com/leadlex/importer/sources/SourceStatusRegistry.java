package com.leadlex.importer.sources;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.util.URISupport;
import org.springframework.stereotype.Component;

/**
 * The live status of every source route (any route reading files, local or remote), kept in
 * memory and updated by the poll reporter, the error log and the headers bean. Per instance: after
 * a restart a source starts from "waiting" until its first poll.
 */
@Component
public class SourceStatusRegistry {

    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final CamelContext camelContext;
    private final SourcesProperties properties;
    private final Clock clock;

    public SourceStatusRegistry(CamelContext camelContext, SourcesProperties properties, Clock clock) {
        this.camelContext = camelContext;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every source route, by name; a route that is not started shows as {@code disabled}. */
    public List<SourceStatus> all() {
        return camelContext.getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof GenericFileEndpoint<?>)
                .map(route -> current(route.getRouteId()).orElseThrow())
                .sorted(Comparator.comparing(SourceStatus::source))
                .toList();
    }

    public Optional<SourceStatus> current(String routeIdOrName) {
        Route route = camelContext.getRoute(routeIdOrName);
        if (route == null) {
            route = camelContext.getRoutes().stream()
                    .filter(r -> routeIdOrName.equals(sourceName(r.getRouteId()))).findFirst().orElse(null);
        }
        if (route == null || !(route.getEndpoint() instanceof GenericFileEndpoint<?>)) {
            return Optional.empty();
        }
        SourceStatus status = statuses.computeIfAbsent(route.getRouteId(), this::initial);
        ServiceStatus routeStatus = camelContext.getRouteController().getRouteStatus(route.getRouteId());
        if (routeStatus != ServiceStatus.Started && "waiting".equals(status.state())) {
            return Optional.of(initial(route.getRouteId()));
        }
        return Optional.of(status);
    }

    /** The name a source's imports carry: its configured source name, else its route id. */
    public String sourceName(String routeId) {
        String configured = properties.forRoute(routeId).sourceName();
        return configured == null || configured.isBlank() ? routeId : configured;
    }

    void pollSucceeded(String routeId, int files) {
        update(routeId, status -> status.polled(clock.instant(), files));
    }

    /** Records a failed poll and returns the failures in a row, this one included. */
    int pollFailed(String routeId, String reason) {
        return update(routeId, status -> status.pollFailed(clock.instant(), reason)).consecutiveFailures();
    }

    void filePicked(String routeId, String fileName) {
        update(routeId, status -> status.picked(clock.instant(), fileName));
    }

    void fileFailed(String routeId, String reason) {
        update(routeId, status -> status.fileFailed(clock.instant(), reason));
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
}
