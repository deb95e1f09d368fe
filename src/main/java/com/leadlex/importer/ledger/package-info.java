/**
 * The per-chunk ledger (IMPORT_CHUNK, with each chunk's per-ID outcome), the import registry
 * (CONTACT_IMPORT) and the per-contact results files, stored in the database for every node to serve.
 */
package com.leadlex.importer.ledger;
