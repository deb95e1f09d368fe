package com.leadlex.importer.cli;

import org.springframework.context.ApplicationContext;

/** {@code import} or {@code dry-run}: the work done once the one-shot application has started. */
interface OneShotCommand {

    ExitCode run(ApplicationContext context);
}
