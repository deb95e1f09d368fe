package com.leadlex.importer.sandbox;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets the sandbox hang up on a client the way a crashing server or a broken network does: no
 * answer, or half of one. The servlet API can only answer, so a handler marks the request and this
 * Tomcat valve, once the handler has returned, tells the connector to close the connection at once
 * ({@link ActionCode#CLOSE_NOW}, what Tomcat's own error valve does when a committed response
 * fails): nothing more is written, not even headers when none were sent yet, and the socket is
 * closed. The client sees an I/O error, never a parsed response.
 */
class DroppedConnectionValve extends ValveBase {

    private static final String DROP = DroppedConnectionValve.class.getName() + ".drop";

    DroppedConnectionValve() {
        super(true);
    }

    /** Marks the request: its connection is closed once the handler returns, whatever was written. */
    static void dropAfterThisRequest(HttpServletRequest request) {
        request.setAttribute(DROP, Boolean.TRUE);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(DROP) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
