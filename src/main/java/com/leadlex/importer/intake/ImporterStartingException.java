package com.leadlex.importer.intake;

/**
 * A list arrived before the importer finished starting (the web server accepts uploads a moment
 * before interrupted imports are recovered). Taking it then could let recovery launch it a second
 * time, so it is refused: send it again in a few seconds.
 */
public class ImporterStartingException extends RuntimeException {

    public ImporterStartingException() {
        super("The importer is still starting (recovering interrupted imports); send the list again in a few seconds");
    }
}
