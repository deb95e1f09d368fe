/**
 * The Java side of every Camel source (a folder, SFTP, a schedule): typed settings
 * ({@code importer.sources.<route-id>.*}), the headers a route hands to intake, which files a
 * folder takes, SFTP host-key checks, cron pickups, the error report written beside a refused
 * file, and the status an operator sees in {@code GET /api/sources} and {@code /actuator/health}.
 * The routes themselves are YAML files under {@code routes/}; this package holds their beans.
 */
package com.leadlex.importer.sources;
