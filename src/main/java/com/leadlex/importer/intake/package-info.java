/**
 * The one door every source calls, whatever it reads from (folder, SFTP, schedule, webhook batch,
 * upload, command line): {@link com.leadlex.importer.intake.ContactListIntake} stages a list,
 * registers the import and launches it; {@link com.leadlex.importer.intake.ImportDryRun} does the
 * same checks without registering or sending anything. Camel sources reach it through
 * {@code direct:stage-contact-list} ({@link com.leadlex.importer.intake.StageContactListRoute}).
 */
package com.leadlex.importer.intake;
