package com.leadlex.importer.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an SFTP source logs in, decided before its route exists: with a readable private key (and its
 * passphrase, if set) or else with a password. A secret that is missing, or a {@code ${VARIABLE}}
 * that Spring left as it was because nothing set it (it binds such a placeholder as plain text
 * rather than fail), means the source cannot log in: it is then disabled with the reason
 * ({@link #whyNot}) instead of stopping the whole importer.
 */
final class SftpLogin {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

    private SftpLogin() {
    }

    /** Why this source cannot log in, in words naming the setting; empty when it can. */
    static Optional<String> whyNot(SourceProperties settings) {
        String key = settings.privateKeyFile();
        String password = settings.password();
        if (usableKey(key)) {
            return unresolved("private-key-passphrase", settings.privateKeyPassphrase());
        }
        if (SourceProperties.isSet(password) && unresolved("password", password).isEmpty()) {
            return Optional.empty();
        }
        if (SourceProperties.isSet(password)) {
            return unresolved("password", password);
        }
        if (!SourceProperties.isSet(key)) {
            return Optional.of("no SFTP secret: neither private-key-file nor password is set");
        }
        return unresolved("private-key-file", key).or(() -> Optional.of("private-key-file " + key
                + " cannot be read (missing, or not readable by this user) and no password is set"));
    }

    /** The template parameters for the login {@link #whyNot} found usable (call only when it found one). */
    static Map<String, Object> parameters(SourceProperties settings) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (usableKey(settings.privateKeyFile())) {
            parameters.put("privateKeyFile", settings.privateKeyFile());
            if (SourceProperties.isSet(settings.privateKeyPassphrase())) {
                parameters.put("privateKeyPassphrase", settings.privateKeyPassphrase());
            }
        } else {
            parameters.put("password", settings.password());
        }
        return parameters;
    }

    private static boolean usableKey(String key) {
        return SourceProperties.isSet(key) && unresolved("private-key-file", key).isEmpty()
                && Files.isReadable(Path.of(key));
    }

    private static Optional<String> unresolved(String setting, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value == null ? "" : value);
        if (!placeholder.find()) {
            return Optional.empty();
        }
        return Optional.of(setting + " is " + placeholder.group() + ", a placeholder nothing resolved: set the "
                + "environment variable " + placeholder.group(1));
    }
}
