package com.leadlex.importer.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LeadLex stand-in ({@code leadlex.sandbox.*}). With no {@code keys} configured,
 * the built-in plan keys below are used, so the demo and the tests need no setup.
 *
 * @param enabled    serve {@code /sandbox/v1/...}; off unless set
 * @param keys       API keys the sandbox accepts; empty means {@link #BUILT_IN_KEYS}
 * @param campaigns  campaign IDs that exist besides {@link #BUILT_IN_CAMPAIGNS}
 * @param latency    real time added to every request
 * @param faultRate  fraction (0.0 to 1.0) of requests answered 503 at random
 * @param dropBeforeRate fraction of requests whose connection is closed before processing (nothing enrolled)
 * @param dropAfterRate  fraction of requests processed, then whose connection is closed mid-answer
 * @param retryAfter how a 429 states when to come back
 * @param seededContacts contacts the workspace holds from the start (and after a reset), with e-mail
 *                   addresses: what the contacts export, search and duplicate detection find
 * @param exportsPerHour contacts exports the workspace may make per clock hour before 429
 */
@ConfigurationProperties("leadlex.sandbox")
public record SandboxProperties(
        boolean enabled,
        List<Key> keys,
        List<String> campaigns,
        @DefaultValue("0s") Duration latency,
        double faultRate,
        double dropBeforeRate,
        double dropAfterRate,
        @DefaultValue("seconds") RetryAfterMode retryAfter,
        @DefaultValue("2000") int seededContacts,
        @DefaultValue("10") int exportsPerHour) {

    public static final String WRITE_PERMISSION = "campaigns:write";
    /** Needed by the contacts export and search. */
    public static final String READ_CONTACTS_PERMISSION = "contacts:read";
    /** Needed to create contacts in bulk. */
    public static final String WRITE_CONTACTS_PERMISSION = "contacts:write";
    public static final int DEFAULT_SEEDED_CONTACTS = 2_000;
    public static final int DEFAULT_EXPORTS_PER_HOUR = 10;

    private static final List<String> FULL_ACCESS = List.of(WRITE_PERMISSION, READ_CONTACTS_PERMISSION,
            WRITE_CONTACTS_PERMISSION);

    /** Made-up keys, one per LeadLex plan, plus the two ways a key can be refused. */
    public static final List<Key> BUILT_IN_KEYS = List.of(
            new Key("wbk_sandbox_unmetered", FULL_ACCESS, 0, 0),
            new Key("wbk_sandbox_starter", FULL_ACCESS, 10, 100),
            new Key("wbk_sandbox_pro", FULL_ACCESS, 50, 1_000),
            new Key("wbk_sandbox_org", FULL_ACCESS, 200, 10_000),
            new Key("wbk_sandbox_readonly", List.of("campaigns:read", READ_CONTACTS_PERMISSION), 0, 0));

    /** Known to the sandbox but always answered 401, like a key revoked in LeadLex's console. */
    public static final List<String> BUILT_IN_REVOKED_KEYS = List.of("wbk_sandbox_revoked");

    public static final List<String> BUILT_IN_CAMPAIGNS = List.of("cmp_demo", "cmp_abc123", "cmp_test");

    @ConstructorBinding
    public SandboxProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
        requireFraction("fault-rate", faultRate);
        requireFraction("drop-before-rate", dropBeforeRate);
        requireFraction("drop-after-rate", dropAfterRate);
        if (faultRate + dropBeforeRate + dropAfterRate > 1.0) {
            throw new IllegalArgumentException("leadlex.sandbox.fault-rate, drop-before-rate and drop-after-rate "
                    + "are shares of the same requests and must add up to at most 1.0, was "
                    + (faultRate + dropBeforeRate + dropAfterRate));
        }
        retryAfter = retryAfter == null ? RetryAfterMode.SECONDS : retryAfter;
        if (seededContacts < 0) {
            throw new IllegalArgumentException("leadlex.sandbox.seeded-contacts must not be negative, was "
                    + seededContacts);
        }
        if (exportsPerHour < 1) {
            throw new IllegalArgumentException("leadlex.sandbox.exports-per-hour must be at least 1, was "
                    + exportsPerHour);
        }
    }

    /** The settings before the contacts endpoints: seeded contacts and export limit at their defaults. */
    public SandboxProperties(boolean enabled, List<Key> keys, List<String> campaigns, Duration latency,
            double faultRate, double dropBeforeRate, double dropAfterRate, RetryAfterMode retryAfter) {
        this(enabled, keys, campaigns, latency, faultRate, dropBeforeRate, dropAfterRate, retryAfter,
                DEFAULT_SEEDED_CONTACTS, DEFAULT_EXPORTS_PER_HOUR);
    }

    private static void requireFraction(String name, double value) {
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException("leadlex.sandbox." + name + " must be between 0.0 and 1.0, was " + value);
        }
    }

    /** The keys in force: the configured ones, or the built-in ones when none are configured. */
    public List<Key> effectiveKeys() {
        return keys.isEmpty() ? BUILT_IN_KEYS : keys;
    }

    /** Keys revoked from the start: the built-in revoked key unless keys are configured. */
    public List<String> initiallyRevokedKeys() {
        return keys.isEmpty() ? BUILT_IN_REVOKED_KEYS : List.of();
    }

    /**
     * One API key and its plan.
     *
     * @param key               the bearer token
     * @param permissions       e.g. {@code campaigns:write}
     * @param requestsPerMinute 0 means unmetered per minute
     * @param requestsPerDay    0 means unmetered per day
     */
    public record Key(String key, List<String> permissions, int requestsPerMinute, int requestsPerDay) {

        public Key {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("leadlex.sandbox.keys[].key must not be blank");
            }
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
            requestsPerMinute = Math.max(0, requestsPerMinute);
            requestsPerDay = Math.max(0, requestsPerDay);
        }

        public boolean canWriteCampaigns() {
            return permissions.contains(WRITE_PERMISSION);
        }

        public boolean canReadContacts() {
            return permissions.contains(READ_CONTACTS_PERMISSION);
        }

        public boolean canWriteContacts() {
            return permissions.contains(WRITE_CONTACTS_PERMISSION);
        }

        public boolean metered() {
            return requestsPerMinute > 0 || requestsPerDay > 0;
        }
    }
}
