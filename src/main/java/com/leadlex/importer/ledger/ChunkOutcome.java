package com.leadlex.importer.ledger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What LeadLex answered for each ID of one chunk: the IDs it newly added and the ones it refused,
 * with its reason; every other ID of the chunk was already enrolled. The ledger keeps counts; this
 * lets the results CSV say what became of each contact. Booked with the chunk (IMPORT_CHUNK.OUTCOME)
 * as one line per ID, {@code added,<id>} or {@code refused,<id>,<reason>}: the format of the outcome
 * files earlier versions wrote, so one parser reads both. When LeadLex added every ID of the chunk it
 * did not refuse, the usual case for a new list, the added IDs are not listed but written as one line
 * {@code added,*} ({@link #everyOtherIdAdded()}): the chunk's IDs are in the spool already, and 500
 * listed IDs cost 22 KB of the ledger per request, written in the request's own commit.
 */
public record ChunkOutcome(Set<String> added, Map<String, String> refused, boolean everyOtherIdAdded) {

    private static final String ADDED = "added";
    private static final String REFUSED = "refused";
    private static final String EVERY_OTHER = "*";

    public ChunkOutcome {
        added = everyOtherIdAdded ? Set.of() : Set.copyOf(added);
        refused = Map.copyOf(refused);
    }

    /** The outcome with every added ID listed, whatever else the chunk held. */
    public static ChunkOutcome of(Collection<String> added, Map<String, String> refused) {
        return new ChunkOutcome(new LinkedHashSet<>(added), new LinkedHashMap<>(refused), false);
    }

    /**
     * The outcome of a chunk of {@code chunkIds}: {@link #everyOtherIdAdded()} when LeadLex added every
     * one of them it did not refuse, else with the added IDs listed.
     */
    public static ChunkOutcome of(Collection<String> chunkIds, Collection<String> added, Map<String, String> refused) {
        if (refused.isEmpty() && added instanceof List<String> addedList && chunkIds instanceof List<String> ids
                && addedList.equals(ids)) {
            // the usual answer: every ID added, in the request's order; told apart without hashing 500 IDs twice
            return new ChunkOutcome(Set.of(), Map.of(), true);
        }
        Set<String> addedSet = new LinkedHashSet<>(added);
        boolean everyOther = addedSet.size() + refused.size() == chunkIds.size()
                && chunkIds.stream().allMatch(id -> refused.containsKey(id) || addedSet.contains(id));
        return new ChunkOutcome(addedSet, new LinkedHashMap<>(refused), everyOther);
    }

    /** Whether LeadLex newly added this ID of the chunk. */
    public boolean wasAdded(String contactId) {
        return everyOtherIdAdded ? !refused.containsKey(contactId) : added.contains(contactId);
    }

    public String encode() {
        StringBuilder text = new StringBuilder(everyOtherIdAdded ? 16 + refused.size() * 64 : added.size() * 44);
        if (everyOtherIdAdded) {
            text.append(ADDED).append(',').append(EVERY_OTHER).append('\n');
        }
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
        boolean everyOther = false;
        for (String line : text.split("\n")) {
            String[] parts = line.split(",", 3);
            if (ADDED.equals(parts[0]) && parts.length >= 2) {
                if (EVERY_OTHER.equals(parts[1])) {
                    everyOther = true;
                } else {
                    added.add(parts[1]);
                }
            } else if (REFUSED.equals(parts[0]) && parts.length == 3) {
                refused.put(parts[1], parts[2]);
            }
        }
        return new ChunkOutcome(added, refused, everyOther);
    }
}
