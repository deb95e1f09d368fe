package com.leadlex.importer.importjob;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * The contactImport job: one chunk-oriented step that reads the staged spool and sends it to
 * LeadLex, {@code importer.chunk-size} IDs (at most 500) per request and per ledger chunk, a
 * {@link CommitWindow} of such requests per Spring Batch item and commit, {@code leadlex.max-in-flight}
 * of them on their way at once. The reader ({@link CommitWindowReader} over {@link SpoolChunkReader})
 * saves its position with every commit, so a restart resumes at the first chunk that
 * was not committed, on whichever node restarts it: the spool is found from the import's ID, in
 * this node's copy of its directory, restored from the database when missing.
 */
@Configuration(proxyBeanMethods = false)
public class ContactImportJobConfiguration {

    @Bean
    Job contactImportJob(JobRepository jobRepository, Step resolveEmailsStep, ImportJobListener listener,
            PlatformTransactionManager transactionManager, CommitWindowReader spoolReader,
            ContactChunkWriter writer, ImportStepListener stepListener, AnswerJournalRecovery journalRecovery) {
        return new JobBuilder(ImportJobParameters.JOB_NAME, jobRepository)
                .listener(listener)
                .start(resolveEmailsStep)
                .next(sendChunksStep(jobRepository, transactionManager, spoolReader, writer, stepListener,
                        journalRecovery))
                .build();
    }

    /**
     * Resolves the e-mail rows before anything is sent; a list without any passes at once. It talks to
     * LeadLex and commits what it learns on its own (each write its own transaction, the directory's
     * refresh lease visible to other nodes), so the step itself holds no database transaction open.
     */
    @Bean
    Step resolveEmailsStep(JobRepository jobRepository, EmailResolution resolution) {
        return new StepBuilder(ImportJobParameters.RESOLVE_STEP_NAME, jobRepository)
                .tasklet(resolution, new ResourcelessTransactionManager())
                .build();
    }

    /**
     * The send step, built here rather than as a bean of its own: Spring Batch's
     * {@code BatchObservabilityBeanPostProcessor} gives every step bean the application's observation
     * registry, and a chunk-oriented step then observes each item read and processed, allocating an
     * observation context per item even with those observations turned off by setting. When an item
     * was a contact ID that was a fifth of the send phase's CPU and half of its garbage; an item is a
     * request now, and the importer's own meters count chunks and requests. The job's observation stays.
     */
    private static Step sendChunksStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CommitWindowReader spoolReader, ContactChunkWriter writer, ImportStepListener listener,
            AnswerJournalRecovery journalRecovery) {
        return new StepBuilder(ImportJobParameters.STEP_NAME, jobRepository)
                // an item is a commit window: its ledger chunks are sent max-in-flight at a time, committed together
                .<ChunksToCommit, ChunksToCommit>chunk(1)
                .observationRegistry(ObservationRegistry.NOOP)
                .transactionManager(transactionManager)
                .reader(spoolReader)
                .writer(writer)
                .listener(listener)
                .listener(journalRecovery)
                .build();
    }

    @Bean
    @StepScope
    CommitWindowReader spoolReader(@Value("#{jobParameters['importId']}") Long importId,
            @Value("#{jobParameters['spoolFile']}") String earlierVersionsSpoolFile, ImportSpools spools,
            ImporterProperties properties, LeadLexProperties leadLex) {
        return new CommitWindowReader(spools.reader(importId, earlierVersionsSpoolFile),
                CommitWindow.of(properties, leadLex));
    }
}
