package com.leadlex.importer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.leadlex.importer.cli.CommandLine;

/**
 * Starts the importer as a service (inbox watched, API served), or, when the arguments name a command
 * ({@code import}, {@code dry-run}, {@code --help}, {@code --version}), runs it and exits with its code.
 */
@SpringBootApplication
public class LeadLexImporterApplication {

    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(LeadLexImporterApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(LeadLexImporterApplication.class, args);
    }
}
