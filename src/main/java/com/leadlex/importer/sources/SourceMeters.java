package com.leadlex.importer.sources;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code importer_source_failing{source}}: 1 while a source's polls fail (or its route is not
 * running), 0 otherwise; one series per source known once the importer is ready. A failing source
 * does not turn the importer's health DOWN, so this (and the {@code sources} health group) is where
 * an alert finds it.
 */
@Component
class SourceMeters {

    static final String FAILING = "importer.source.failing";

    private final MeterRegistry registry;
    private final SourceStatusRegistry sources;

    SourceMeters(MeterRegistry registry, SourceStatusRegistry sources) {
        this.registry = registry;
        this.sources = sources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerEverySource() {
        for (SourceStatus source : sources.all()) {
            String routeId = source.routeId();
            Gauge.builder(FAILING, sources, registry -> failing(registry, routeId))
                    .description("1 while the source cannot be read, else 0")
                    .tag("source", source.source()).register(registry);
        }
    }

    private static double failing(SourceStatusRegistry sources, String routeId) {
        return sources.current(routeId).map(status -> "failing".equals(status.state()) ? 1.0 : 0.0).orElse(0.0);
    }
}
