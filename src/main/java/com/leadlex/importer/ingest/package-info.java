/** Staging: turns a contact list from any source into a spool of valid, unique, canonical IDs plus a record of every rejected row. Source-specific parts live in sub-packages. */
package com.leadlex.importer.ingest;
