package com.leadlex.importer.cli;

import java.util.List;

/** What every one-shot command's arguments tell the one-shot application it starts. */
interface OneShotArguments {

    /** The name to start messages with: {@code import}, {@code dry-run}, {@code restart}, {@code resume}, {@code results}. */
    String commandName();

    boolean debug();

    /** Whether the command calls LeadLex, so a missing API key is reported before anything starts. */
    boolean needsApiKey();

    /** The {@code --name=value} options that go to Spring Boot untouched. */
    List<String> springArguments();
}
