package com.leadlex.importer.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.importjob.ImportProgressed;
import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.ledger.ImportRepository;

/**
 * Follows the import a one-shot command runs in the foreground, from a thread of its own: learns which
 * import it is from the first {@link ImportProgressed} event (only the command's import runs in its
 * process), counts the IDs sent, and every refresh shows a {@link ProgressLine} built from the same
 * summary, state and plan as the API's. Closing it removes the updating line before the summary.
 */
final class ImportProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportProgressReporter.class);

    private final ImportSummaries summaries;
    private final ImportRepository imports;
    private final Clock clock;
    private final ProgressOutput output;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Long> importId = new AtomicReference<>();
    private final AtomicReference<Instant> startedAt = new AtomicReference<>();
    private final AtomicLong idsSent = new AtomicLong();

    private ImportProgressReporter(ConfigurableApplicationContext context, ProgressOutput output) {
        this.summaries = context.getBean(ImportSummaries.class);
        this.imports = context.getBean(ImportRepository.class);
        this.clock = context.getBean(Clock.class);
        this.output = output;
    }

    /** Starts following, as {@code importer.cli.progress} says; {@code none} follows nothing. */
    static ImportProgressReporter start(ConfigurableApplicationContext context, PrintStream out, boolean onTerminal) {
        ProgressSettings settings = ProgressSettings.of(context.getEnvironment());
        ProgressSettings.Mode mode = settings.resolved(onTerminal);
        boolean terminal = mode == ProgressSettings.Mode.TERMINAL;
        ImportProgressReporter reporter = new ImportProgressReporter(context,
                terminal ? ProgressOutput.updatingLine(out) : ProgressOutput.plainLines(out));
        if (mode == ProgressSettings.Mode.NONE) {
            return reporter; // follows nothing: closing it is all there is to do
        }
        context.addApplicationListener(ApplicationListener.forPayload(reporter::progressed));
        Duration every = terminal && settings.progressEvery().compareTo(ProgressSettings.TERMINAL_REFRESH) > 0
                ? ProgressSettings.TERMINAL_REFRESH : settings.progressEvery();
        reporter.ticker.scheduleAtFixedRate(reporter::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return reporter;
    }

    private void progressed(ImportProgressed event) {
        importId.compareAndSet(null, event.importId());
        startedAt.compareAndSet(null, clock.instant());
        idsSent.addAndGet(event.idsSent());
    }

    private void tick() {
        Long id = importId.get();
        if (id == null) {
            return; // still staging, or not started
        }
        try {
            imports.findById(id).map(summaries::describe)
                    .ifPresent(summary -> output.show(ProgressLine.of(summary, idsPerSecond())));
        } catch (RuntimeException e) {
            // a progress line missed is no reason to disturb the import
            log.debug("Could not show the progress of import {}: {}", id, e.toString());
        }
    }

    /** IDs sent by this process per second since the import's execution began here. */
    private double idsPerSecond() {
        Instant since = startedAt.get();
        long millis = since == null ? 0 : Duration.between(since, clock.instant()).toMillis();
        return millis <= 0 ? 0 : idsSent.get() * 1_000.0 / millis;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.clear();
    }
}
