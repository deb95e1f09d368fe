package com.leadlex.importer.contacts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Finding and creating contacts by e-mail ({@code importer.contacts.*}).
 *
 * @param createMissing  create the addresses the directory does not know (bulk, 500 a call) instead of
 *                       reporting them {@code unknown_email}; sources may override it
 * @param exportsPerHour contacts exports the importer allows itself per rolling hour, all nodes together:
 *                       LeadLex allows 10 per workspace; lower it when other tools export from the same
 *                       workspace
 * @param refreshLease   how long a node's claim on a directory refresh holds without news (renewed at each
 *                       export call): another node takes over a refresh whose node died after this
 * @param refreshPoll    how often a node waiting for another node's refresh looks whether it is done
 */
@ConfigurationProperties("importer.contacts")
public record ContactsProperties(
        boolean createMissing,
        @DefaultValue("10") int exportsPerHour,
        @DefaultValue("5m") Duration refreshLease,
        @DefaultValue("2s") Duration refreshPoll) {

    public ContactsProperties {
        if (exportsPerHour < 1) {
            throw new IllegalArgumentException("importer.contacts.exports-per-hour must be at least 1, was "
                    + exportsPerHour);
        }
        if (refreshLease == null || refreshLease.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("importer.contacts.refresh-lease must be at least 10s, was "
                    + refreshLease);
        }
        if (refreshPoll == null || refreshPoll.isNegative() || refreshPoll.isZero()) {
            throw new IllegalArgumentException("importer.contacts.refresh-poll must be positive, was " + refreshPoll);
        }
    }

    /** The defaults: report unknown addresses, 10 exports an hour, a 5-minute lease, a 2-second poll. */
    public static ContactsProperties defaults() {
        return new ContactsProperties(false, 10, Duration.ofMinutes(5), Duration.ofSeconds(2));
    }
}
