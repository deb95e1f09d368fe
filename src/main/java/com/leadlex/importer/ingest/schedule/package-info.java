/** What is specific to cron-scheduled pickups: the route is routes/ingest-nightly.camel.yaml. */
package com.leadlex.importer.ingest.schedule;
