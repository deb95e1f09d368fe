package com.leadlex.importer.intake;

import com.leadlex.importer.staging.StagedList;

import com.leadlex.importer.importjob.LaunchResult;

/** A list taken in: what staging found, and which import carries it. */
public record IntakeResult(StagedList staged, LaunchResult launch) {
}
