package com.leadlex.importer.sources;

import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.CreateMissingBySource;

/**
 * Answers for the folder, SFTP and scheduled sources: the {@code create-missing} of the source whose
 * imports carry {@code sourceName} (its {@code source-name}, else its name), when it sets one. Read
 * from the settings at resolution time, so whichever node resolves an import follows its source.
 */
@Component
class SourceCreateMissing implements CreateMissingBySource {

    private final SourcesProperties properties;
    private final SourceStatusRegistry statuses;

    SourceCreateMissing(SourcesProperties properties, SourceStatusRegistry statuses) {
        this.properties = properties;
        this.statuses = statuses;
    }

    @Override
    public Optional<Boolean> createMissing(String sourceName) {
        return properties.sources().entrySet().stream()
                .filter(source -> Objects.equals(statuses.sourceName(source.getKey()), sourceName))
                .map(source -> source.getValue().createMissing()).filter(Objects::nonNull).findFirst();
    }
}
