package com.leadlex.importer.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The workspace's contacts: the seeded ones, then whatever bulk creation added. An address
 * (trimmed, any case) belongs to one contact only: creating it again is skipped without a word,
 * which is LeadLex's duplicate detection as far as its documentation goes. Kept in creation order
 * for the export; one lock, since the sandbox holds thousands of contacts, not millions.
 */
public class SandboxContacts {

    private static final Comparator<Entry> CREATION_ORDER = Comparator.comparing((Entry e) -> e.contact().createdAt())
            .thenComparingLong(Entry::sequence);

    private final int seeded;
    private final TreeSet<Entry> inCreationOrder = new TreeSet<>(CREATION_ORDER);
    private final Map<String, SandboxContact> byEmail = new HashMap<>();
    private long nextSequence;

    public SandboxContacts(SandboxProperties properties) {
        this.seeded = properties.seededContacts();
        reset();
    }

    /**
     * Creates each contact whose address is not taken yet, in order, stamped {@code now}; the others
     * (taken before, or earlier in the same call) are skipped silently.
     *
     * @return the contacts created, in request order
     */
    public synchronized List<SandboxContact> create(List<NewSandboxContact> contacts, Instant now) {
        List<SandboxContact> created = new ArrayList<>();
        for (NewSandboxContact candidate : contacts) {
            String key = SandboxContact.emailKey(candidate.email());
            if (byEmail.containsKey(key)) {
                continue;
            }
            SandboxContact contact = new SandboxContact(UUID.randomUUID(), candidate.fullName(),
                    candidate.email().strip(), candidate.phone(), candidate.jobTitle(), candidate.companyName(),
                    candidate.linkedinUrl(), candidate.tags(), now);
            add(contact);
            created.add(contact);
        }
        return created;
    }

    /** Adds a contact as it is (a test's contact created at a chosen time); its address must be free. */
    public synchronized void add(SandboxContact contact) {
        if (byEmail.putIfAbsent(contact.emailKey(), contact) != null) {
            throw new IllegalArgumentException("The sandbox already has a contact with " + contact.email());
        }
        inCreationOrder.add(new Entry(contact, nextSequence++));
    }

    /**
     * Up to {@code limit} contacts created strictly after {@code after} and strictly before
     * {@code before} (either may be null), oldest first.
     */
    public synchronized List<SandboxContact> export(Instant after, Instant before, int limit) {
        List<SandboxContact> page = new ArrayList<>(Math.min(limit, inCreationOrder.size()));
        for (Entry entry : inCreationOrder) {
            Instant created = entry.contact().createdAt();
            if (after != null && !created.isAfter(after)) {
                continue;
            }
            if (before != null && !created.isBefore(before) || page.size() == limit) {
                break;
            }
            page.add(entry.contact());
        }
        return page;
    }

    /** Contacts whose address or name contains {@code term} (any case), oldest first, one page of them. */
    public synchronized SearchPage search(String term, int page, int perPage) {
        String needle = term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
        List<SandboxContact> matches = new ArrayList<>();
        for (Entry entry : inCreationOrder) {
            SandboxContact contact = entry.contact();
            if (contact.emailKey().contains(needle) || contact.fullName().toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(contact);
            }
        }
        int from = (int) Math.min((long) (page - 1) * perPage, matches.size());
        int to = Math.min(from + perPage, matches.size());
        return new SearchPage(List.copyOf(matches.subList(from, to)), matches.size());
    }

    public synchronized Optional<SandboxContact> findByEmail(String email) {
        return Optional.ofNullable(byEmail.get(SandboxContact.emailKey(email)));
    }

    public synchronized int count() {
        return byEmail.size();
    }

    /** Back to the seeded contacts only. */
    public synchronized void reset() {
        inCreationOrder.clear();
        byEmail.clear();
        SeededContacts.first(seeded).forEach(this::add);
    }

    /**
     * One page of a search.
     *
     * @param contacts the page's contacts
     * @param total    matches over all pages
     */
    public record SearchPage(List<SandboxContact> contacts, int total) {
    }

    private record Entry(SandboxContact contact, long sequence) {
    }
}
