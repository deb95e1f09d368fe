package com.leadlex.importer.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV column / JSON field names that identify a contact, most specific first. The ID: the
 * configured {@code importer.staging.id-column}, then {@code contact_id}, {@code leadlex_id},
 * {@code uuid}, {@code id}. The e-mail address, for lists without IDs: the configured
 * {@code importer.staging.email-column}, then {@code email}, {@code email_address}, {@code e-mail}.
 * The name a missing contact is created with: {@code full_name}, else {@code first_name} and
 * {@code last_name}. Matching ignores case and surrounding whitespace. When several ID names are
 * present the most specific wins, so a CRM export with its own {@code id} and a {@code leadlex_id} uses
 * the latter.
 */
final class IdFieldNames {

    static final List<String> USUAL = List.of("contact_id", "leadlex_id", "uuid", "id");
    static final List<String> USUAL_EMAIL = List.of("email", "email_address", "e-mail");
    static final String FULL_NAME = "full_name";
    static final String FIRST_NAME = "first_name";
    static final String LAST_NAME = "last_name";

    private final String configured;
    private final String configuredEmail;
    private final List<String> ranked;
    private final List<String> rankedEmail;

    IdFieldNames(String configured) {
        this(configured, null);
    }

    IdFieldNames(String configured, String configuredEmail) {
        this.configured = configured;
        this.configuredEmail = configuredEmail;
        this.ranked = ranked(configured, USUAL);
        this.rankedEmail = ranked(configuredEmail, USUAL_EMAIL);
    }

    private static List<String> ranked(String configured, List<String> usual) {
        List<String> names = new ArrayList<>();
        if (configured != null) {
            names.add(normalized(configured));
        }
        usual.stream().filter(name -> !names.contains(name)).forEach(names::add);
        return List.copyOf(names);
    }

    /** 0 for the most specific accepted ID name, higher for less specific, -1 when not accepted. */
    int rank(String name) {
        return ranked.indexOf(normalized(name));
    }

    /** As {@link #rank} for the e-mail address. */
    int emailRank(String name) {
        return rankedEmail.indexOf(normalized(name));
    }

    /** The position in {@code names} of the best accepted ID name, or -1. */
    int bestIndex(List<String> names) {
        return best(names, ranked);
    }

    /** The position in {@code names} of the best accepted e-mail name, or -1. */
    int bestEmailIndex(List<String> names) {
        return best(names, rankedEmail);
    }

    /** Whether a header or field name is one of the name fields. */
    static int nameIndex(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (normalized(names.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The name to create a contact with: {@code full_name}, else {@code first_name last_name}; null when none. */
    static String fullName(String fullName, String firstName, String lastName) {
        if (fullName != null && !fullName.isBlank()) {
            return fullName.strip();
        }
        String joined = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip()))
                .strip();
        return joined.isEmpty() ? null : joined;
    }

    private static int best(List<String> names, List<String> accepted) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            int rank = accepted.indexOf(normalized(names.get(i)));
            if (rank >= 0 && rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    private static String normalized(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** For error messages: which names are accepted and how to add one. */
    String describe() {
        String usual = String.join(", ", USUAL) + " (any case)";
        String ids = configured == null ? usual + ", or set importer.staging.id-column to the name your file uses"
                : "'" + configured + "' (importer.staging.id-column) or " + usual;
        String emails = configuredEmail == null
                ? String.join(", ", USUAL_EMAIL) + " (or set importer.staging.email-column)"
                : "'" + configuredEmail + "' (importer.staging.email-column) or " + String.join(", ", USUAL_EMAIL);
        return ids + "; for a list of e-mail addresses: " + emails;
    }
}
