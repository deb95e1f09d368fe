package com.leadlex.importer.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportFiles;

/**
 * The per-chunk outcome files that versions before the outcome was booked with the chunk wrote into
 * the import's directory ({@code outcomes/chunk-NNNNNN.csv}): still read for chunks booked then, on
 * the node that holds that directory. Nothing writes them any more.
 */
@Component
public class ChunkOutcomeFiles {

    public Optional<ChunkOutcome> read(ImportFiles directory, int chunkNumber) {
        Path source = directory.chunkOutcome(chunkNumber);
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChunkOutcome.decode(Files.readString(source, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outcome of chunk " + chunkNumber + " in " + source, e);
        }
    }
}
