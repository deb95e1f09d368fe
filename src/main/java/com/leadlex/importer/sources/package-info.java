/**
 * The Java side of every source (a folder, SFTP, either on a schedule): typed settings
 * ({@code importer.sources.<name>.*}), the routes made from them with the route templates under
 * {@code routes/} ({@link com.leadlex.importer.sources.SourceRoutes}), the headers a route hands to
 * intake, which files a source takes, SFTP logins and host-key checks, cron pickups, the error
 * report written beside a refused file, and the status an operator sees in {@code GET /api/sources}
 * and {@code /actuator/health}. The templates are YAML; this package holds their beans.
 */
package com.leadlex.importer.sources;
