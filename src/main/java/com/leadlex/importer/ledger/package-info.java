/** The per-chunk ledger (IMPORT_CHUNK), the import registry (IMPORT), summaries and per-contact results files. */
package com.leadlex.importer.ledger;
