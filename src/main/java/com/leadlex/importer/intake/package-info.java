/**
 * The one door every source calls, whatever it reads from (folder, SFTP, schedule, webhook batch,
 * upload, command line): {@link com.leadlex.importer.intake.ContactListIntake} stages a list,
 * registers the import and launches it; {@link com.leadlex.importer.intake.ImportDryRun} does the
 * same checks without registering or sending anything. Camel sources reach it through
 * {@code direct:stage-contact-list} ({@link com.leadlex.importer.intake.StageContactListRoute}); a small
 * list from them joins its campaign's pool ({@code pool}) instead of launching an import of its own, and
 * {@link com.leadlex.importer.intake.PoolBatcher} sends each campaign's pool (webhook contacts and small
 * lists) through this same door as one list.
 */
package com.leadlex.importer.intake;
