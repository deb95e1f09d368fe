package com.leadlex.importer.contacts;

/** How the directory learnt an address. */
public enum DirectorySource {
    /** LeadLex's contacts export. */
    EXPORT,
    /** LeadLex's contacts search, for an address the export did not bring. */
    SEARCH,
    /** This importer created the contact. */
    CREATED
}
