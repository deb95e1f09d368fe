package com.leadlex.importer.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Who may use the dashboard, the API and the actuator ({@code importer.security.*}), from the
 * environment: {@code IMPORTER_SECURITY_TOKEN} for scripts ({@code Authorization: Bearer <token>}),
 * {@code IMPORTER_SECURITY_USER} and {@code IMPORTER_SECURITY_PASSWORD} for HTTP basic auth (what a
 * browser asks for), and named tokens {@code importer.security.tokens.<name>=<secret>}
 * ({@code IMPORTER_SECURITY_TOKENS_<NAME>}), one per script or person, so the audit says who did
 * what. With none, the importer serves on 127.0.0.1 only and asks for nothing.
 *
 * @param tokens named bearer tokens: name → secret; the name is what the audit records ({@code token:<name>})
 */
@ConfigurationProperties("importer.security")
public record OperatorSecurityProperties(String token, String user, String password, Map<String, String> tokens) {

    @ConstructorBinding
    public OperatorSecurityProperties {
        Map<String, String> named = new LinkedHashMap<>();
        if (tokens != null) {
            tokens.forEach((name, secret) -> {
                if (blankToNull(secret) != null) {
                    named.put(name, secret.strip());
                }
            });
        }
        tokens = Map.copyOf(named);
        token = blankToNull(token);
        user = blankToNull(user);
        password = blankToNull(password);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("importer.security.user and importer.security.password go together: "
                    + "set both (IMPORTER_SECURITY_USER, IMPORTER_SECURITY_PASSWORD) or neither");
        }
    }

    public boolean hasBasicAuth() {
        return user != null;
    }

    public OperatorSecurityProperties(String token, String user, String password) {
        this(token, user, password, Map.of());
    }

    public boolean hasToken() {
        return token != null || !tokens.isEmpty();
    }

    /**
     * Every accepted bearer token by the name the audit records for it: {@code token} for the single
     * {@code importer.security.token}, {@code token:<name>} for a named one.
     */
    public Map<String, String> tokensByPrincipal() {
        Map<String, String> byPrincipal = new LinkedHashMap<>();
        if (token != null) {
            byPrincipal.put("token", token);
        }
        tokens.forEach((name, secret) -> byPrincipal.put("token:" + name, secret));
        return byPrincipal;
    }

    /** True when some credential is configured, so operators must authenticate. */
    public boolean enabled() {
        return hasBasicAuth() || hasToken();
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "OperatorSecurityProperties[token=" + (token != null ? "(set)" : "(none)") + ", tokens="
                + tokens.keySet() + ", user=" + user
                + ", password=" + (hasBasicAuth() ? "(set)" : "(none)") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
