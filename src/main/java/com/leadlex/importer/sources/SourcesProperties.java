package com.leadlex.importer.sources;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every configured source, {@code importer.sources.<name>.*}, keyed by its name, which is also its
 * route id.
 *
 * @param sources      the sources by name
 * @param watchSources false makes no source route at all: the one-shot command imports one list and
 *                     must not watch the folders and servers a running importer watches
 * @param strandedFilesAfter with other nodes alive, a folder file recorded as taken but still in its
 *                     folder is given back only once it was taken this long ago: before that, a
 *                     live node may still be staging it (a shared folder)
 */
@ConfigurationProperties("importer")
public record SourcesProperties(@DefaultValue Map<String, SourceProperties> sources,
        @DefaultValue("true") boolean watchSources, @DefaultValue("10m") Duration strandedFilesAfter) {

    public SourceProperties forRoute(String routeId) {
        SourceProperties configured = sources.get(routeId);
        return configured == null ? SourceProperties.unconfigured() : configured;
    }
}
