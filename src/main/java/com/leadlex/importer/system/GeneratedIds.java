package com.leadlex.importer.system;

import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The new row's ID after an INSERT with generated keys, on both databases: PostgreSQL hands back
 * every column of the row (lower-case names), H2 only the identity column (upper case).
 */
public final class GeneratedIds {

    private GeneratedIds() {
    }

    public static long idOf(GeneratedKeyHolder keys, String whatWasInserted) {
        return keys.getKeys().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("ID"))
                .map(entry -> ((Number) entry.getValue()).longValue())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The database returned no ID for the new " + whatWasInserted));
    }
}
