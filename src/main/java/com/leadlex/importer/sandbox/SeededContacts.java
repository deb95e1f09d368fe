package com.leadlex.importer.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The contacts the sandbox's workspace holds from the start: the same every time (IDs, names,
 * addresses and creation times derive from the contact's number), so the demo's e-mail list and the
 * tests can name contacts that exist. Contact {@code n} (from 1) is created at {@link #FIRST_CREATED_AT}
 * plus {@code n} minutes, long before any test clock.
 */
public final class SeededContacts {

    public static final Instant FIRST_CREATED_AT = Instant.parse("2025-01-01T00:00:00Z");

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis",
        "Barbara", "Ken", "Frances", "Edsger", "Radia", "Donald", "Hedy", "Tim", "Annie", "John", "Sophie",
        "Guido", "Joan"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton",
        "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Knuth", "Lamarr", "Berners-Lee",
        "Easley", "Backus", "Wilson", "Rossum", "Clarke"};
    private static final String[] COMPANIES = {"Initech", "Globex", "Umbrella Labs", "Hooli", "Vandelay Industries"};
    private static final String[] TITLES = {"Head of Sales", "CTO", "Marketing Lead", "Founder", "Engineer"};

    private SeededContacts() {
    }

    /** The first {@code count} seeded contacts, oldest first. */
    public static List<SandboxContact> first(int count) {
        List<SandboxContact> contacts = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            contacts.add(number(n));
        }
        return contacts;
    }

    /** Seeded contact number {@code n}, counted from 1. */
    public static SandboxContact number(int n) {
        String first = FIRST[(n - 1) % FIRST.length];
        String last = LAST[((n - 1) / FIRST.length) % LAST.length];
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("-", "") + "." + n + "@example.com";
        UUID id = UUID.nameUUIDFromBytes(("leadlex-sandbox-contact-" + n).getBytes(StandardCharsets.UTF_8));
        String tag = n % 3 == 0 ? "customer" : "prospect";
        return new SandboxContact(id, first + " " + last, email, "+1 555 01" + String.format("%02d", n % 100),
                TITLES[n % TITLES.length], COMPANIES[n % COMPANIES.length],
                "https://www.linkedin.com/in/" + first.toLowerCase(Locale.ROOT) + "-" + n,
                n % 5 == 0 ? List.of(tag, "vip") : List.of(tag), FIRST_CREATED_AT.plus(Duration.ofMinutes(n)));
    }
}
