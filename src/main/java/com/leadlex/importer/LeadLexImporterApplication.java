package com.leadlex.importer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.leadlex.importer.cli.ImportCommand;

/**
 * Starts the importer as a service (inbox watched, API served), or, with {@code import} as the
 * first argument, runs one import in the foreground and exits ({@code dry-run}: checks a list and exits).
 */
@SpringBootApplication
public class LeadLexImporterApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("import") || args[0].equals("dry-run"))) {
            System.exit(ImportCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(LeadLexImporterApplication.class, args);
    }
}
