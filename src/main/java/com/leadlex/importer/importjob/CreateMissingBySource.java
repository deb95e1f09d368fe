package com.leadlex.importer.importjob;

import java.util.Optional;

/**
 * A source's own word on creating the contacts of unknown e-mail addresses
 * ({@code importer.sources.<name>.create-missing}), asked by the e-mail resolution with the import's
 * source name. The sources answer it, so the job need not know where lists come from; empty means the
 * source says nothing and {@code importer.contacts.create-missing} holds.
 */
public interface CreateMissingBySource {

    Optional<Boolean> createMissing(String sourceName);
}
