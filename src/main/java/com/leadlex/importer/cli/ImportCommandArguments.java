package com.leadlex.importer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed words of {@code import [--campaign <id>] [--force] [--dry-run] <file> [--spring.property=value ...]}
 * (or {@code dry-run --campaign <id> <file>}). Options of the form {@code --name=value} that are not
 * ours go to Spring Boot untouched.
 */
public record ImportCommandArguments(String campaignId, Path file, boolean force, List<String> springArguments,
        boolean dryRun) {

    public static final String USAGE = """
            Usage: java -jar target/leadlex-importer.jar import --campaign <campaign-id> [--force] <file>
                   [--spring.profiles.active=demo] [--leadlex.base-url=...] [--any.property=value]
              Imports one contact list (.csv, .txt, .json, optionally .gz) into a LeadLex campaign and exits.
              The API key comes from the LEADLEX_API_KEY environment variable.
            Exit codes: 0 done (or already imported), 2 bad input, 3 LeadLex refused the key, its
              permission or the campaign, 4 paused: the key's quota is used up (run again later), 1 other failure.
            Dry run: java -jar target/leadlex-importer.jar dry-run --campaign <campaign-id> <file>
                     (or import --dry-run ...) validates the list and prints valid / invalid / duplicate counts,
                     the requests it takes and how long at the key's quota, without calling LeadLex.
              Exit codes: 0 the list has valid IDs to import, 2 bad input (nothing importable).""";

    /** @throws IllegalArgumentException with a message for the user when the words make no sense */
    public static ImportCommandArguments parse(String[] args) {
        String campaign = null;
        Path file = null;
        boolean force = false;
        boolean dryRun = args.length > 0 && args[0].equals("dry-run");
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--campaign") || arg.equals("-c")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--campaign needs a campaign ID");
                }
                campaign = args[++i];
            } else if (arg.startsWith("--campaign=")) {
                campaign = arg.substring("--campaign=".length());
            } else if (arg.equals("--force")) {
                force = true;
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                spring.add(arg);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                throw new IllegalArgumentException("one file at a time, but got " + file + " and " + arg);
            }
        }
        if (campaign == null) {
            throw new IllegalArgumentException("--campaign <campaign-id> is required");
        }
        if (file == null) {
            throw new IllegalArgumentException("name the list to import");
        }
        return new ImportCommandArguments(campaign, file, force, List.copyOf(spring), dryRun);
    }
}
