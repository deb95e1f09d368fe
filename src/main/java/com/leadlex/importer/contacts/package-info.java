/**
 * Contacts by e-mail: the directory of the workspace's contacts (normalized address → contact ID) that
 * lets lists and CRM records without LeadLex IDs be imported, filled from LeadLex's contacts export and
 * shared by every import and every node through the database.
 *
 * <p>{@link com.leadlex.importer.contacts.ContactDirectory} answers look-ups from the table and, when an
 * address is not there, refreshes it ({@link com.leadlex.importer.contacts.DirectoryRefresh}): one
 * incremental export from the newest contact seen, at most as often as the export's hourly limit
 * allows ({@link com.leadlex.importer.contacts.ExportPacing}), by one node at a time (a lease row).
 * Look-ups never spend add-contacts requests: a workspace of 50,000 contacts is one export call. In the
 * data path it sits below the job and above {@code leadlex}; staging lends it the address rules.
 */
package com.leadlex.importer.contacts;
