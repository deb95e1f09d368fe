package com.leadlex.importer.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the dashboard, the API and the actuator ({@code importer.security.*}), from the
 * environment: {@code IMPORTER_SECURITY_TOKEN} for scripts ({@code Authorization: Bearer <token>}),
 * {@code IMPORTER_SECURITY_USER} and {@code IMPORTER_SECURITY_PASSWORD} for HTTP basic auth (what a
 * browser asks for). With neither, the importer serves on 127.0.0.1 only and asks for nothing.
 */
@ConfigurationProperties("importer.security")
public record OperatorSecurityProperties(String token, String user, String password) {

    public OperatorSecurityProperties {
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

    public boolean hasToken() {
        return token != null;
    }

    /** True when some credential is configured, so operators must authenticate. */
    public boolean enabled() {
        return hasBasicAuth() || hasToken();
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "OperatorSecurityProperties[token=" + (hasToken() ? "(set)" : "(none)") + ", user=" + user
                + ", password=" + (hasBasicAuth() ? "(set)" : "(none)") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
