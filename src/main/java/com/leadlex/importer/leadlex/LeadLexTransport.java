package com.leadlex.importer.leadlex;

import java.io.IOException;

/**
 * Sends one HTTP request and hands back the response, whatever its status, and nothing more: no
 * retries, no waiting. Kept this narrow so retry and quota logic can be tested against any transport,
 * while production uses the Camel http route ({@link CamelLeadLexTransport}).
 */
public interface LeadLexTransport {

    /**
     * @throws IOException when no response arrived (timeout, connection refused or reset): worth retrying
     */
    HttpReply send(HttpCall call) throws IOException;
}
