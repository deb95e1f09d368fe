/** The per-chunk ledger (IMPORT_CHUNK), the import registry (CONTACT_IMPORT) and the per-contact results files. */
package com.leadlex.importer.ledger;
