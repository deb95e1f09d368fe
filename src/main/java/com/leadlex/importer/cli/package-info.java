/**
 * The command line: {@code import --campaign <id> <file>} and {@code dry-run} for cron users and
 * scripts, {@code --help} and {@code --version}. {@link com.leadlex.importer.cli.CommandLine} is the
 * entry point {@code main} calls; the commands run in a one-shot, non-web (unless the sandbox is on)
 * Spring application and exit with a documented {@link com.leadlex.importer.cli.ExitCode}.
 */
package com.leadlex.importer.cli;
