package com.leadlex.importer.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.leadlex.importer.sandbox.SandboxProperties.Key;

/**
 * The API keys the sandbox knows, and which of them are revoked: the first two checks of every
 * request (401 {@code invalid_key}, then 403 {@code insufficient_permissions}).
 */
public class SandboxKeys {

    private final SandboxProperties properties;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public SandboxKeys(SandboxProperties properties) {
        this.properties = properties;
        reset();
    }

    /** The key's plan, or empty when the key is unknown or revoked. */
    public Optional<Key> find(String bearerToken) {
        if (bearerToken == null || revoked.contains(bearerToken)) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys.get(bearerToken));
    }

    /** Adds (or replaces) a key, e.g. one with a tiny quota for a test. */
    public void add(Key key) {
        keys.put(key.key(), key);
        revoked.remove(key.key());
    }

    /** From now on the key is answered 401, as if revoked in LeadLex's console. */
    public void revoke(String key) {
        revoked.add(key);
    }

    /** Back to the configured (or built-in) keys, nothing revoked but what starts revoked. */
    public void reset() {
        keys.clear();
        revoked.clear();
        properties.effectiveKeys().forEach(key -> keys.put(key.key(), key));
        revoked.addAll(properties.initiallyRevokedKeys());
    }
}
