package com.leadlex.importer.importjob;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;

/** Seeds a new step's totals with what staging found, so the ExecutionContext holds the whole picture. */
@Component
public class ImportStepListener implements StepExecutionListener {

    private final ImportRepository imports;

    public ImportStepListener(ImportRepository imports) {
        this.imports = imports;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        if (context.containsKey(ImportTotals.ROWS_READ)) {
            return;
        }
        long importId = stepExecution.getJobExecution().getJobParameters().getLong(ImportJobParameters.IMPORT_ID);
        ImportRecord record = imports.findById(importId).orElseThrow();
        context.putLong(ImportTotals.ROWS_READ, record.rowsRead());
        context.putLong(ImportTotals.INVALID, record.invalidRows());
        context.putLong(ImportTotals.DUPLICATES, record.duplicateRows());
    }
}
