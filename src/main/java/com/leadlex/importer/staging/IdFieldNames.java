package com.leadlex.importer.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV column / JSON field names that hold the contact ID, most specific first: the configured
 * {@code importer.staging.id-column}, then {@code contact_id}, {@code leadlex_id}, {@code uuid},
 * {@code id}. Matching ignores case and surrounding whitespace. When several are present the most
 * specific wins, so a CRM export with its own {@code id} and a {@code leadlex_id} uses the latter.
 */
final class IdFieldNames {

    static final List<String> USUAL = List.of("contact_id", "leadlex_id", "uuid", "id");

    private final String configured;
    private final List<String> ranked;

    IdFieldNames(String configured) {
        this.configured = configured;
        List<String> names = new ArrayList<>();
        if (configured != null) {
            names.add(configured.strip().toLowerCase(Locale.ROOT));
        }
        USUAL.stream().filter(name -> !names.contains(name)).forEach(names::add);
        this.ranked = List.copyOf(names);
    }

    /** 0 for the most specific accepted name, higher for less specific, -1 when not accepted. */
    int rank(String name) {
        return ranked.indexOf(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The position in {@code names} of the best accepted name, or -1. */
    int bestIndex(List<String> names) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            int rank = rank(names.get(i));
            if (rank >= 0 && rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /** For error messages: which names are accepted and how to add one. */
    String describe() {
        String usual = String.join(", ", USUAL) + " (any case)";
        if (configured == null) {
            return usual + ", or set importer.staging.id-column to the name your file uses";
        }
        return "'" + configured + "' (importer.staging.id-column) or " + usual;
    }
}
