package com.leadlex.importer.intake;

import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.staging.StagedList;

/** A list taken in: what staging found, and which import carries it. */
public record IntakeResult(StagedList staged, LaunchResult launch) {
}
