package com.leadlex.importer.importjob;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

import com.leadlex.importer.system.ImporterProperties;

/**
 * The contactImport job: one chunk-oriented step that reads the staged spool and sends it to
 * LeadLex, {@code importer.chunk-size} IDs (at most 500) per chunk and per request. The reader
 * saves its position with every committed chunk, so a restart resumes at the first chunk that
 * was not committed, on whichever node restarts it: the spool is found from the import's ID, in
 * this node's copy of its directory, restored from the database when missing.
 */
@Configuration(proxyBeanMethods = false)
public class ContactImportJobConfiguration {

    @Bean
    Job contactImportJob(JobRepository jobRepository, Step sendChunksStep, ImportJobListener listener) {
        return new JobBuilder(ImportJobParameters.JOB_NAME, jobRepository)
                .listener(listener)
                .start(sendChunksStep)
                .build();
    }

    @Bean
    Step sendChunksStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            FlatFileItemReader<SpoolEntry> spoolReader, ContactChunkWriter writer, ImportStepListener listener,
            ImporterProperties properties) {
        return new StepBuilder(ImportJobParameters.STEP_NAME, jobRepository)
                .<SpoolEntry, SpoolEntry>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(spoolReader)
                .writer(writer)
                .listener(listener)
                .build();
    }

    @Bean
    @StepScope
    FlatFileItemReader<SpoolEntry> spoolReader(@Value("#{jobParameters['importId']}") Long importId,
            @Value("#{jobParameters['spoolFile']}") String earlierVersionsSpoolFile, ImportSpools spools) {
        return new FlatFileItemReaderBuilder<SpoolEntry>()
                .name("spoolReader")
                .resource(new FileSystemResource(spools.localSpool(importId, earlierVersionsSpoolFile)))
                .lineMapper((line, lineNumber) -> new SpoolEntry(lineNumber, line))
                .saveState(true)
                .build();
    }
}
