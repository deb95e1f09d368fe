/**
 * Watching the importer without reading its logs: the Micrometer meters behind
 * {@code /actuator/prometheus} ({@link com.leadlex.importer.monitoring.ImporterMeters},
 * {@link com.leadlex.importer.monitoring.LeadLexMeters}) and the health contributors behind
 * {@code /actuator/health} (sources, and LeadLex as last seen). Nothing here calls LeadLex.
 */
package com.leadlex.importer.monitoring;
