/** What is specific to reading lists from folders (the inbox, scheduled pickups, SFTP's remote folders alike). */
package com.leadlex.importer.ingest.file;
