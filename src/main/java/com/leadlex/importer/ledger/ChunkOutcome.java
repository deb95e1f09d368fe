package com.leadlex.importer.ledger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What LeadLex answered for each ID of one chunk: the IDs it newly added and the ones it refused,
 * with its reason; every other ID of the chunk was already enrolled. The ledger keeps counts; this
 * lets the results CSV say what became of each contact. Booked with the chunk (IMPORT_CHUNK.OUTCOME)
 * as one line per ID, {@code added,<id>} or {@code refused,<id>,<reason>}: the format of the outcome
 * files earlier versions wrote, so one parser reads both.
 */
public record ChunkOutcome(Set<String> added, Map<String, String> refused) {

    private static final String ADDED = "added";
    private static final String REFUSED = "refused";

    public ChunkOutcome {
        added = Set.copyOf(added);
        refused = Map.copyOf(refused);
    }

    public static ChunkOutcome of(Collection<String> added, Map<String, String> refused) {
        return new ChunkOutcome(new LinkedHashSet<>(added), new LinkedHashMap<>(refused));
    }

    public String encode() {
        StringBuilder text = new StringBuilder(added.size() * 44);
        for (String id : added) {
            text.append(ADDED).append(',').append(id).append('\n');
        }
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            text.append(REFUSED).append(',').append(entry.getKey()).append(',')
                    .append(entry.getValue().replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    public static ChunkOutcome decode(String text) {
        Set<String> added = new LinkedHashSet<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(",", 3);
            if (ADDED.equals(parts[0]) && parts.length >= 2) {
                added.add(parts[1]);
            } else if (REFUSED.equals(parts[0]) && parts.length == 3) {
                refused.put(parts[1], parts[2]);
            }
        }
        return new ChunkOutcome(added, refused);
    }
}
