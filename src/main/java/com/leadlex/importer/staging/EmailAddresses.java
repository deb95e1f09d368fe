package com.leadlex.importer.staging;

import java.util.Locale;

/**
 * What an e-mail address is, for lists keyed by address: normalized by trimming and lower-casing (the
 * form the contact directory keys on, so {@code " Ada@Example.COM"} and {@code "ada@example.com"}
 * are one contact), and valid when it has the shape mail systems accept: one {@code @}, a local part
 * of at most 64 characters without leading, trailing or doubled dots, and a domain of at least two
 * dot-separated labels (letters, digits, hyphens not at either end; international letters too).
 * Quoted local parts and IP-address domains are not accepted: no CRM produces them for a contact.
 */
public final class EmailAddresses {

    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    private EmailAddresses() {
    }

    /** Trimmed and lower case; whether it is valid is another question. */
    public static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized address is one mail systems accept. */
    public static boolean isValid(String normalized) {
        if (normalized.isEmpty() || normalized.length() > MAX_LENGTH) {
            return false;
        }
        int at = normalized.indexOf('@');
        if (at <= 0 || at != normalized.lastIndexOf('@') || at > MAX_LOCAL) {
            return false;
        }
        return validLocalPart(normalized.substring(0, at)) && validDomain(normalized.substring(at + 1));
    }

    /** Whether {@code raw} looks like an attempt at an address (it has an {@code @}), valid or not. */
    public static boolean looksLikeAddress(String raw) {
        return raw.indexOf('@') >= 0;
    }

    private static boolean validLocalPart(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ascii = c < 128;
            if (ascii ? !(isAsciiLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0) : !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c < 128 ? !(isAsciiLetterOrDigit(c) || c == '-') : !Character.isLetterOrDigit(c)) {
                    return false;
                }
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
