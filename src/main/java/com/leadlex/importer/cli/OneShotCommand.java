package com.leadlex.importer.cli;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code import} or {@code dry-run}: the work done once the one-shot application has started. */
interface OneShotCommand {

    ExitCode run(ConfigurableApplicationContext context);
}
