package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One key's quota in the database, shared by every node, the command line and a restarted server:
 * each decision is taken in a short transaction of its own that holds the key's row lock, on the
 * database's time ({@link QuotaUsageRepository}). Requests on a key that nothing meters are not
 * worth that lock: they are counted here and written at most once a second, so a crash forgets at
 * most a second of an unmetered key's counts, which hold nobody back.
 */
final class DatabaseQuotaBook implements QuotaBook {

    private static final Logger log = LoggerFactory.getLogger(DatabaseQuotaBook.class);
    private static final Duration UNMETERED_COUNTS_HELD = Duration.ofSeconds(1);

    private final QuotaUsageRepository repository;
    private final String keyHash;
    private final String keyMask;
    private final NavigableMap<Long, Integer> unmeteredByMinute = new TreeMap<>();
    private Instant unmeteredKeptAt = Instant.EPOCH;
    private long minutesForgottenBefore = Long.MIN_VALUE;
    private KeyQuota lastShown;

    DatabaseQuotaBook(QuotaUsageRepository repository, String keyHash, String keyMask) {
        this.repository = repository;
        this.keyHash = keyHash;
        this.keyMask = keyMask;
    }

    @Override
    public Instant now() {
        return repository.now();
    }

    @Override
    public <T> T change(Function<KeyQuota, T> decision) {
        keepUnmeteredCounts();
        forgetPastMinutes();
        return repository.change(keyHash, keyMask, true, decision);
    }

    @Override
    public <T> T changeWord(Function<KeyQuota, T> decision) {
        keepUnmeteredCounts();
        return repository.change(keyHash, keyMask, false, decision);
    }

    @Override
    public KeyQuota word() {
        return repository.read(keyHash, false);
    }

    @Override
    public long countUnmetered(KeyQuota seen, Instant at) {
        unmeteredByMinute.merge(KeyQuota.minute(at), 1, Integer::sum);
        if (!at.isBefore(unmeteredKeptAt.plus(UNMETERED_COUNTS_HELD))) {
            keepUnmeteredCounts();
        }
        // no sequence number of its own (that is a write to the key's row): the correction an answer
        // makes for the slots granted after it leaves these out. While nothing meters the key there is
        // nothing to correct; when LeadLex first meters it, requests already on their way (at most
        // one per sending thread) may be missing from that correction, once.
        return seen.granted();
    }

    @Override
    public KeyQuota show() {
        try {
            keepUnmeteredCounts();
            lastShown = repository.read(keyHash, true);
        } catch (DataAccessException e) {
            if (lastShown == null) {
                throw e;
            }
            lastShown.seenAt(now());
            log.debug("Showing the quota of key {} as last read: the database cannot be read ({})", keyMask,
                    e.getMessage());
        }
        return lastShown;
    }

    @Override
    public void flush() {
        keepUnmeteredCounts();
    }

    private void keepUnmeteredCounts() {
        if (!unmeteredByMinute.isEmpty()) {
            repository.count(keyHash, unmeteredByMinute);
            unmeteredByMinute.clear();
            unmeteredKeptAt = now();
        }
    }

    /** Minutes that are over matter to nobody: their rows go, once a minute at most. */
    private void forgetPastMinutes() {
        long minute = KeyQuota.minute(now());
        if (minute > minutesForgottenBefore) {
            repository.forgetMinutesBefore(keyHash, minute);
            minutesForgottenBefore = minute;
        }
    }
}
