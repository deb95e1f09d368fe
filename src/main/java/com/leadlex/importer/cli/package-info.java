/** The one-shot command line: {@code import --campaign <id> <file>} for cron users and scripts. */
package com.leadlex.importer.cli;
