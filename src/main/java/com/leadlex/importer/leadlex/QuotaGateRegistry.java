package com.leadlex.importer.leadlex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands out one {@link QuotaGate} per API key for the whole process, because LeadLex counts quota per
 * key: every import using a key must queue at the same gate (and the gates of every process on the
 * database share the key's quota through the {@link QuotaStore}). Gates are keyed by a SHA-256 of the
 * key, so the key itself is not kept here as a map key (nor logged).
 */
@Component
public class QuotaGateRegistry {

    private static final Logger log = LoggerFactory.getLogger(QuotaGateRegistry.class);

    private final Clock clock;
    private final LeadLexProperties properties;
    private final QuotaStore store;
    private final Map<String, QuotaGate> gates = new ConcurrentHashMap<>();
    /** The configured key's SHA-256, worked out once: its gate is asked for with every request. */
    private final String configuredKeyHash;

    /** Gates that forget what was used when the process ends. */
    public QuotaGateRegistry(Clock clock, LeadLexProperties properties) {
        this(clock, properties, QuotaStore.NONE);
    }

    /** @param store where every gate keeps its counts and LeadLex's word, so they outlive the process */
    @Autowired
    public QuotaGateRegistry(Clock clock, LeadLexProperties properties, QuotaStore store) {
        this.clock = clock;
        this.properties = properties;
        this.store = store;
        this.configuredKeyHash = properties.apiKey() == null ? null : sha256(properties.apiKey());
    }

    /**
     * When a request on the configured key could go out at the earliest, asked now; empty when no key
     * is configured. Reserves nothing: what a paused import is planned to resume at.
     */
    public java.util.Optional<Instant> configuredKeyNextFreeAt() {
        String apiKey = properties.apiKey();
        return apiKey == null ? java.util.Optional.empty() : java.util.Optional.of(gateFor(apiKey).nextFreeAt());
    }

    /**
     * Lets the configured key's next request go out at once, whatever the importer's own records say,
     * so that LeadLex's answer tells whether its quota is there (an operator's "resume now").
     */
    public void allowOneRequestNowOnConfiguredKey() {
        String apiKey = properties.apiKey();
        if (apiKey != null) {
            gateFor(apiKey).allowOneRequestNow();
        }
    }

    /**
     * The quota of the configured key ({@code leadlex.api-key}) as it stands, without sending anything;
     * empty when no key is configured.
     */
    public java.util.Optional<QuotaState> configuredKeyState() {
        String apiKey = properties.apiKey();
        return apiKey == null ? java.util.Optional.empty()
                : java.util.Optional.of(gateFor(apiKey).state(ApiKeyMask.mask(apiKey)));
    }

    /**
     * What a plan of the configured key's future requests starts from; with no key configured (a dry
     * run needs none), a key nothing is known about, paced to the configured limits.
     */
    public QuotaOutlook configuredKeyOutlook() {
        String apiKey = properties.apiKey();
        return apiKey == null ? QuotaOutlook.fresh(clock.instant(), properties.limits(), properties.maxWait())
                : gateFor(apiKey).outlook();
    }

    /** An unmetered key's latest counts are held back a moment to save work: they are written before the process ends. */
    @PreDestroy
    void flushGates() {
        gates.values().forEach(gate -> {
            try {
                gate.flush();
            } catch (RuntimeException e) {
                log.warn("Could not write the latest LeadLex request counts before stopping: {}", e.toString());
            }
        });
    }

    public QuotaGate gateFor(String apiKey) {
        String keyHash = apiKey.equals(properties.apiKey()) ? configuredKeyHash : sha256(apiKey);
        return gates.computeIfAbsent(keyHash, hash -> {
            log.info("Pacing LeadLex requests for key {} to {} (max wait {})", ApiKeyMask.mask(apiKey),
                    properties.limits(), properties.maxWait());
            return new QuotaGate(clock, properties.limits(), properties.maxWait(), store, hash,
                    ApiKeyMask.mask(apiKey));
        });
    }

    static String sha256(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
