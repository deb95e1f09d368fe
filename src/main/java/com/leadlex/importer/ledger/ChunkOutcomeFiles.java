package com.leadlex.importer.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportFiles;

/**
 * Which IDs of a chunk LeadLex newly added (and which it refused), one small file per chunk in the
 * import's staging directory. The ledger keeps counts; these files let the results CSV say what
 * happened to each contact without holding a million IDs in the database. A file is written
 * whole or not at all (temp file, then an atomic rename), and a resent chunk overwrites it.
 */
@Component
public class ChunkOutcomeFiles {

    private static final String ADDED = "added";
    private static final String REFUSED = "refused";

    public void write(Path stagingDir, int chunkNumber, Collection<String> addedIds, Map<String, String> refused) {
        Path target = file(stagingDir, chunkNumber);
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String id : addedIds) {
                    out.write(ADDED + "," + id + "\n");
                }
                for (Map.Entry<String, String> entry : refused.entrySet()) {
                    out.write(REFUSED + "," + entry.getKey() + "," + entry.getValue().replace('\n', ' ') + "\n");
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the outcome of chunk " + chunkNumber + " in " + target, e);
        }
    }

    public Optional<ChunkOutcome> read(Path stagingDir, int chunkNumber) {
        Path source = file(stagingDir, chunkNumber);
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            Set<String> added = new HashSet<>();
            Map<String, String> refused = new HashMap<>();
            for (String line : lines) {
                String[] parts = line.split(",", 3);
                if (ADDED.equals(parts[0])) {
                    added.add(parts[1]);
                } else if (REFUSED.equals(parts[0]) && parts.length == 3) {
                    refused.put(parts[1], parts[2]);
                }
            }
            return Optional.of(new ChunkOutcome(added, refused));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outcome of chunk " + chunkNumber + " in " + source, e);
        }
    }

    private static Path file(Path stagingDir, int chunkNumber) {
        return new ImportFiles(stagingDir).chunkOutcome(chunkNumber);
    }

    /** A chunk's per-ID outcome: the newly added IDs and the refused ones with LeadLex's reason. */
    public record ChunkOutcome(Set<String> added, Map<String, String> refused) {
    }
}
