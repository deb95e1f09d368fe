/**
 * Several importers (nodes) on one database: which nodes there are and what each runs (a heartbeat
 * row per node, the imports' leases), and which one leads, through Spring Integration's leader
 * election over a JDBC lock. The leader alone runs what must run once per cluster: the paused-import
 * resumer, the webhook batcher and scheduled pickups. Depends on nothing above the ledger.
 */
package com.leadlex.importer.cluster;
