package com.leadlex.importer.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.leadlex.importer.leadlex.ContactExportPage;
import com.leadlex.importer.leadlex.ContactExportQuery;
import com.leadlex.importer.leadlex.ExportRateLimitedException;
import com.leadlex.importer.leadlex.ExportedContact;
import com.leadlex.importer.leadlex.LeadLexContactsClient;
import com.leadlex.importer.leadlex.LeadLexError;
import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.staging.EmailAddresses;
import com.leadlex.importer.system.HumanTime;
import com.leadlex.importer.system.Sleeper;

/**
 * Brings a key's directory up to date with LeadLex's contacts export: from the newest contact seen
 * (a minute before it, so contacts created in the same instant, or committed a moment late, are not
 * missed; seeing one twice only rewrites it), 50,000 a call, paging on {@code created_after}. Only the
 * node holding the refresh claim exports; the others wait for its result, which serves them too.
 * Waits within {@code leadlex.max-wait} happen here; a longer one (the export's hourly limit, a
 * Retry-After, a slow node elsewhere) is handed to the caller as
 * {@link DirectoryRefreshDeferredException}, never as addresses called unknown.
 */
final class DirectoryRefresh {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRefresh.class);
    /** How far before the newest contact seen an incremental export starts. */
    static final Duration INCREMENTAL_OVERLAP = Duration.ofMinutes(1);
    /** How far before the last row of a full page the next page starts: rows sharing its second come again. */
    static final Duration PAGE_OVERLAP = Duration.ofSeconds(1);
    private static final int MAX_EMAIL = 320;

    private final ContactDirectoryRepository repository;
    private final LeadLexContactsClient client;
    private final ExportPacing pacing;
    private final ContactsProperties properties;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;

    DirectoryRefresh(ContactDirectoryRepository repository, LeadLexContactsClient client, ContactsProperties properties,
            Duration maxWait, Clock clock, Sleeper sleeper, String owner) {
        this.repository = repository;
        this.client = client;
        this.pacing = new ExportPacing(repository, properties.exportsPerHour());
        this.properties = properties;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        this.owner = owner;
    }

    /** Makes sure a complete refresh started at or after {@code neededSince}, by this node or another. */
    RefreshResult refresh(DirectoryKey key, Instant neededSince) {
        Instant start = clock.instant();
        Instant deadline = start.plus(maxWait);
        // a need from the future (a caller's clock ahead of the database's) is served by a refresh from now
        Instant needed = neededSince.isAfter(start) ? start : neededSince;
        int calls = 0;
        int rows = 0;
        while (true) {
            DirectoryState state = repository.state(key.hash());
            if (state.refreshedSince(needed)) {
                return new RefreshResult(calls, rows);
            }
            Instant now = clock.instant();
            ExportPacing.Next next = pacing.next(key.hash(), state, now);
            if (next.at().isAfter(now)) {
                waitOrDefer(next.at(), next.at(), deadline, "the next contacts export on key " + key.mask()
                        + " may go at " + HumanTime.dayAndTime(next.at()) + ": " + next.reason());
                continue;
            }
            if (!repository.claimRefresh(key.hash(), key.mask(), owner, now.plus(properties.refreshLease()), now)) {
                // look again soon: the other node's refresh may serve this need; give up waiting at its claim's end
                DirectoryState other = repository.state(key.hash());
                Instant claimEnds = other.refreshingUntil() == null ? now : other.refreshingUntil();
                Instant lookAgain = now.plus(properties.refreshPoll());
                waitOrDefer(lookAgain.isBefore(claimEnds) ? lookAgain : claimEnds, claimEnds, deadline,
                        "another importer (" + other.refreshingBy() + ") is refreshing the contact directory of key "
                                + key.mask() + ", until " + HumanTime.dayAndTime(claimEnds) + " at the latest");
                continue;
            }
            // the look above and the claim are two statements: another node may have finished a refresh
            // between them (and given its claim back), and that refresh serves this need
            DirectoryState claimed = repository.state(key.hash());
            if (claimed.refreshedSince(needed)) {
                repository.releaseRefresh(key.hash(), owner, null);
                return new RefreshResult(calls, rows);
            }
            Pass pass = exportPass(key, claimed, now);
            calls += pass.calls();
            rows += pass.rows();
        }
    }

    /** Export calls from the high-water mark on, while the pacing allows; complete when a page was not full. */
    private Pass exportPass(DirectoryKey key, DirectoryState state, Instant startedAt) {
        Instant after = state.highWater() == null ? null : state.highWater().minus(INCREMENTAL_OVERLAP);
        int calls = 0;
        int rows = 0;
        try {
            while (true) {
                Instant now = clock.instant();
                if (calls > 0 && pacing.next(key.hash(), repository.state(key.hash()), now).at().isAfter(now)) {
                    repository.releaseRefresh(key.hash(), owner, null);
                    return new Pass(calls, rows);
                }
                if (!repository.renewRefresh(key.hash(), owner, now.plus(properties.refreshLease()))) {
                    log.warn("Contact directory of key {}: another importer took the refresh over; leaving it to it",
                            key.mask());
                    return new Pass(calls, rows);
                }
                repository.recordExportCall(key.hash(), owner, now);
                calls++;
                ContactExportQuery query = ContactExportQuery.after(after);
                ContactExportPage page = client.exportContacts(query);
                rows += page.rows();
                if (page.newestCreatedAt() != null
                        && !repository.savePage(key.hash(), owner, entries(page, now), page.newestCreatedAt())) {
                    return new Pass(calls, rows);
                }
                log.info("Contact directory of key {}: export call brought {} contact(s){}", key.mask(), page.rows(),
                        after == null ? " (all of the workspace)" : " created after " + after);
                if (!page.full(query)) {
                    repository.finishRefresh(key.hash(), owner, startedAt);
                    return new Pass(calls, rows);
                }
                after = nextPageAfter(page, after);
            }
        } catch (ExportRateLimitedException e) {
            repository.blockExports(key.hash(), key.mask(), e.retryAt());
            repository.releaseRefresh(key.hash(), owner, e.getMessage());
            return new Pass(calls, rows);
        } catch (RuntimeException e) {
            repository.releaseRefresh(key.hash(), owner, e.getMessage());
            throw e;
        }
    }

    private static Instant nextPageAfter(ContactExportPage page, Instant after) {
        Instant next = page.newestCreatedAt().minus(PAGE_OVERLAP);
        if (after != null && !next.isAfter(after)) {
            throw new LeadLexException(LeadLexError.UNEXPECTED_RESPONSE, 200, "LeadLex's contacts export returned a "
                    + "full page of " + page.rows() + " contacts all created within a second of " + page.newestCreatedAt()
                    + ", so paging by created_after cannot get past them. Put LeadLex contact IDs in the list, or ask "
                    + "LeadLex support about the export's paging.", page.requestId(), 1, null);
        }
        return next;
    }

    private static List<DirectoryEntry> entries(ContactExportPage page, Instant seenAt) {
        List<DirectoryEntry> entries = new ArrayList<>(page.contacts().size());
        for (ExportedContact contact : page.contacts()) {
            String email = EmailAddresses.normalize(contact.email());
            if (email.length() <= MAX_EMAIL) {
                entries.add(new DirectoryEntry(email, contact.id(), DirectorySource.EXPORT, contact.createdAt(), seenAt));
            }
        }
        return entries;
    }

    /** Sleeps until {@code wakeAt}, or, when that is past the deadline, defers the refresh until {@code deferUntil}. */
    private void waitOrDefer(Instant wakeAt, Instant deferUntil, Instant deadline, String why) {
        if (wakeAt.isAfter(deadline)) {
            throw new DirectoryRefreshDeferredException(deferUntil, why + " (longer than leadlex.max-wait: the import "
                    + "waits for it rather than call addresses unknown)");
        }
        Duration wait = Duration.between(clock.instant(), wakeAt);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        log.info("Waiting {} for the contact directory: {}", HumanTime.duration(wait), why);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to refresh the contact directory", e);
        }
    }

    private record Pass(int calls, int rows) {
    }
}
