package com.leadlex.importer.cli;

/** The text of {@code --help}: every command, option, environment variable and exit code. */
final class Usage {

    static final String TEXT = """
            Usage: java -jar leadlex-importer.jar [command] [options]

            Without a command the importer starts as a service: it watches the inbox and serves the
            dashboard and the API on port 8080 (every --name=value below applies to it too).

            Commands:
              import --campaign <campaign-id> [--force] [--create-missing] [--dry-run] <file>
                  Imports one contact list (.csv, .tsv, .txt, .json, optionally .gz) into a LeadLex
                  campaign in the foreground, shows its progress (chunks, IDs per second, when it will
                  finish), prints its summary and exits. Running it again resumes an unfinished import
                  of the same list.
              dry-run --campaign <campaign-id> <file>
                  Checks a list as an import would and prints its valid / invalid / duplicate counts, the
                  requests it takes and when they would be done at the key's quota. Calls nothing at
                  LeadLex.
              restart <import-id>
                  Goes on with a failed, stopped or paused import from its last committed chunk, in the
                  foreground, and exits like import (see GET /api/imports for the IDs).
              resume <import-id>
                  Resumes a paused import now instead of at its planned time: its next request goes
                  out at once, whatever the importer remembers of the key's quota, and LeadLex's
                  answer decides: accepted, it goes on (exit 0 when done); 429, it pauses again
                  until the time LeadLex gives (exit 4).
              results <import-id>
                  Writes the import's results.csv again from the ledger (after a full disk, say) and
                  prints its path. Calls nothing at LeadLex.
              help, --help, -h
                  Prints this text (also import --help, dry-run --help).
              version, --version
                  Prints the version.

            Options of import and dry-run:
              -c, --campaign <campaign-id>  the LeadLex campaign (also --campaign=<campaign-id>)
              --force                       imports the list again even if it was imported before
              --create-missing              creates the contacts of e-mail addresses LeadLex does not know
                                            (bulk, 500 per call) instead of reporting them unknown_email
              --dry-run                     import only checks the list, as dry-run does
              --debug                       shows full stack traces and Spring's own log output
              --<any.spring.property>=<value>
                                            any Spring Boot property, for example
                                            --importer.data-dir=./data-cli (default ./data),
                                            --leadlex.plan=pro, --leadlex.base-url=...,
                                            --spring.profiles.active=demo (the built-in sandbox)
              --importer.cli.progress=<auto|terminal|lines|none>
                                            auto (default): one updating line on a terminal, a plain
                                            line every --importer.cli.progress-every (30s) otherwise

            Environment:
              LEADLEX_API_KEY  the LeadLex API key (or --leadlex.api-key=...); import, restart
                               and resume need one, dry-run and results do not

            Exit codes:
              0  done, or the same list was already imported into this campaign
                 (dry-run: the list has valid IDs to import)
              1  other failure: LeadLex kept failing or could not be reached (run it again later),
                 or the importer could not start
              2  bad input: unreadable file, no ID column, not UTF-8, no valid IDs, bad arguments,
                 no API key, a data directory that cannot be written
              3  LeadLex refused the key (401), its permission (403) or the campaign (404)
              4  paused: the key's quota is used up; run the same command again after the printed time
            """;

    private Usage() {
    }
}
