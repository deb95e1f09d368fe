package com.leadlex.importer.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportResultsWriter;
import com.leadlex.importer.pool.PooledListFollower;

/**
 * {@code results <import-id>}: writes an import's results.csv again from the ledger (after a full
 * disk, or to get it back) and prints where it is. Calls nothing at LeadLex.
 */
final class ResultsCommand implements OneShotCommand {

    private final ImportIdArguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    ResultsCommand(ImportIdArguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    @Override
    public ExitCode run(ConfigurableApplicationContext context) {
        Optional<ImportRecord> record = context.getBean(ImportRepository.class).findById(arguments.importId());
        if (record.isEmpty()) {
            err.println("results: there is no import " + arguments.importId());
            return ExitCode.BAD_INPUT;
        }
        if (!record.get().status().isEnded()) {
            err.println("results: import " + arguments.importId() + " is " + record.get().status()
                    + ": only an import that ran and stopped, paused or ended has results to write");
            return ExitCode.BAD_INPUT;
        }
        try {
            // a pooled small list's results come from the pooled import that sent its IDs
            out.println(context.getBean(PooledListFollower.class).writeAgain(record.get())
                    .orElseGet(() -> context.getBean(ImportResultsWriter.class).write(record.get())));
            return ExitCode.DONE;
        } catch (UncheckedIOException e) {
            err.println("results: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCode.FAILED;
        }
    }
}
