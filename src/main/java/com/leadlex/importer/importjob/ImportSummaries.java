package com.leadlex.importer.importjob;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportEmailRepository;
import com.leadlex.importer.ledger.ImportLeaseRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportResults;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.InstanceIdentity;

/**
 * Builds import summaries from the registry row, the ledger (chunks done) and the totals the step
 * keeps in its ExecutionContext, which are committed with every chunk and so are live while an
 * import runs; and the node running the import from its lease row.
 */
@Component
public class ImportSummaries {

    private final ImportChunkRepository chunks;
    private final JobRepository jobRepository;
    private final CompletionPlanner planner;
    private final ImportLeaseRepository leases;
    private final ImportResults results;
    private final ImportEmailRepository emails;

    private final ObjectProvider<PooledListTotals> pooledLists;

    public ImportSummaries(ImportChunkRepository chunks, JobRepository jobRepository, CompletionPlanner planner,
            ImportLeaseRepository leases, ImportResults results, ImportEmailRepository emails,
            ObjectProvider<PooledListTotals> pooledLists) {
        this.pooledLists = pooledLists;
        this.emails = emails;
        this.leases = leases;
        this.results = results;
        this.chunks = chunks;
        this.jobRepository = jobRepository;
        this.planner = planner;
    }

    public ImportSummary describe(ImportRecord record) {
        return describe(record, planner.forecast(), leases.runBy(List.of(record.id())));
    }

    /** Many imports against one plan: a page of the list costs one plan, not one per import. */
    public List<ImportSummary> describeAll(List<ImportRecord> records) {
        CompletionForecast forecast = planner.forecast();
        Map<Long, String> runBy = leases.runBy(records.stream().map(ImportRecord::id).toList());
        return records.stream().map(record -> describe(record, forecast, runBy)).toList();
    }

    private ImportSummary describe(ImportRecord record, CompletionForecast forecast, Map<Long, String> runBy) {
        ImportTotals totals = totals(record);
        ImportChunkRepository.ChunkProgress progress = chunks.progress(record.id());
        if (record.jobExecutionId() == null) {
            // a pooled small list: its IDs went with another import, whose end it follows
            Optional<PooledListTotals.Sent> sent = Optional.ofNullable(pooledLists.getIfAvailable())
                    .flatMap(lists -> lists.of(record.id()));
            if (sent.isPresent()) {
                totals = new ImportTotals(0, 0, 0, sent.get().added(), sent.get().alreadyEnrolled(),
                        sent.get().refused(), sent.get().requests());
                progress = new ImportChunkRepository.ChunkProgress(record.status() == ImportStatus.COMPLETED
                        ? record.totalChunks() : 0, sent.get().requests(), false);
            }
        }
        // the step's ExecutionContext carries the staging counts too, once an execution has begun
        boolean fromStep = totals.rowsRead() > 0;
        long requestsLeft = record.status().isFinal() ? 0 : Math.max(0, record.totalChunks() - progress.chunksDone());
        Instant eta = forecast.etaOf(record.id());
        long[] contactRequests = emails.requests(record.id());
        return new ImportSummary(record.id(), record.status(), ImportStatusText.state(record, forecast.at()),
                record.campaignId(), record.sourceName(),
                record.fileName(), fromStep ? totals.rowsRead() : record.rowsRead(), record.validIds(),
                fromStep ? totals.invalid() : record.invalidRows(),
                fromStep ? totals.duplicates() : record.duplicateRows(),
                totals.added(), totals.skipped(), totals.refused(), progress.requests(), progress.chunksDone(),
                record.totalChunks(), requestsLeft, eta, ImportStatusText.eta(record, eta, forecast.at()),
                record.lastErrorCode(), record.lastError(), record.resumeAt(), record.quotaWaitUntil(),
                record.duplicateOf(), record.createdAt(), record.finishedAt(),
                results.location(record).orElse(null), InstanceIdentity.nodeNameOf(runBy.get(record.id())),
                contactRequests[0], contactRequests[1]);
    }

    private ImportTotals totals(ImportRecord record) {
        if (record.jobExecutionId() == null) {
            return ImportTotals.NONE;
        }
        JobExecution execution = jobRepository.getJobExecution(record.jobExecutionId());
        if (execution == null) {
            return ImportTotals.NONE;
        }
        return execution.getStepExecutions().stream()
                .filter(step -> ImportJobParameters.STEP_NAME.equals(step.getStepName()))
                .max(Comparator.comparingLong(StepExecution::getId))
                .map(step -> ImportTotals.from(step.getExecutionContext()))
                .orElse(ImportTotals.NONE);
    }
}
