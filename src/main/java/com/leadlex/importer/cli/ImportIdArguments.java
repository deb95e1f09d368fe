package com.leadlex.importer.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed words of {@code restart <import-id>}, {@code resume <import-id>} and {@code results <import-id>} (each with
 * {@code [--debug] [--spring.property=value ...]}).
 */
record ImportIdArguments(String commandName, long importId, List<String> springArguments, boolean debug)
        implements OneShotArguments {

    @Override
    public boolean needsApiKey() {
        return !commandName.equals("results");
    }

    /** @throws IllegalArgumentException with a message for the user when the words make no sense */
    static ImportIdArguments parse(String[] args) {
        String command = args[0];
        Long importId = null;
        boolean debug = false;
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--debug")) {
                debug = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                spring.add(arg);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (importId == null) {
                importId = importId(arg);
            } else {
                throw new IllegalArgumentException("one import at a time, but got " + importId + " and " + arg);
            }
        }
        if (importId == null) {
            throw new IllegalArgumentException("name the import: " + command + " <import-id>");
        }
        return new ImportIdArguments(command, importId, List.copyOf(spring), debug);
    }

    private static long importId(String word) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an import ID is a number (see GET /api/imports), not " + word);
        }
    }
}
