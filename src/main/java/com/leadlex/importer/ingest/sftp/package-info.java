/** What is specific to SFTP sources: the route is routes/ingest-sftp.camel.yaml; this holds its safety checks. */
package com.leadlex.importer.ingest.sftp;
