/**
 * What every source route shares, whatever it reads from (a folder, SFTP, a schedule): its typed
 * settings ({@code importer.sources.<route-id>.*}), the headers it hands to staging, the JDBC
 * idempotent repository that keeps a file from being imported twice, and the status an operator
 * sees in {@code GET /api/sources}: last poll, last file, last failure in words, and backoff.
 * The routes themselves are YAML files under {@code routes/}; this package holds their beans.
 */
package com.leadlex.importer.sources;
