package com.leadlex.importer.sources;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every configured source, {@code importer.sources.<route-id>.*}, keyed by the id of the route
 * file that reads it.
 */
@ConfigurationProperties("importer")
public record SourcesProperties(@DefaultValue Map<String, SourceProperties> sources) {

    public SourceProperties forRoute(String routeId) {
        SourceProperties configured = sources.get(routeId);
        return configured == null ? SourceProperties.unconfigured() : configured;
    }
}
