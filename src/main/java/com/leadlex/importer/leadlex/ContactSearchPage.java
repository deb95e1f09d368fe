package com.leadlex.importer.leadlex;

import java.util.List;

/**
 * One page of a contacts search: LeadLex's full-text matches, which may include addresses that only
 * contain the term; the caller picks exact matches.
 *
 * @param contacts this page's contacts
 * @param total    matches over all pages ({@code meta.total})
 */
public record ContactSearchPage(List<FoundContact> contacts, int total) {

    public ContactSearchPage {
        contacts = List.copyOf(contacts);
    }
}
