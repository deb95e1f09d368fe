package com.leadlex.importer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed words of {@code import [--campaign <id>] [--force] [--create-missing] [--dry-run] [--debug] <file> [--spring.property=value ...]}
 * (or {@code dry-run --campaign <id> <file>}). Options of the form {@code --name=value} that are not
 * ours go to Spring Boot untouched.
 */
public record ImportCommandArguments(String campaignId, Path file, boolean force, List<String> springArguments,
        boolean dryRun, boolean debug) implements OneShotArguments {

    @Override
    public boolean needsApiKey() {
        return !dryRun;
    }

    @Override
    public String commandName() {
        return dryRun ? "dry-run" : "import";
    }

    /** @throws IllegalArgumentException with a message for the user when the words make no sense */
    public static ImportCommandArguments parse(String[] args) {
        String campaign = null;
        Path file = null;
        boolean force = false;
        boolean debug = false;
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
            } else if (arg.equals("--create-missing")) {
                // this one-shot process's own setting: the import it runs (or checks) creates unknown addresses
                spring.add("--importer.contacts.create-missing=true");
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--debug")) {
                debug = true;
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
        return new ImportCommandArguments(campaign, file, force, List.copyOf(spring), dryRun, debug);
    }
}
