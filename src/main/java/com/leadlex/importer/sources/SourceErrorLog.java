package com.leadlex.importer.sources;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The exception handler of every source route ({@code exceptionHandler: "#sourceErrorLog"}): a
 * file that was staged but could not be moved or deleted afterwards (a permission denied on the
 * server, say) gets one WARN line naming the file and the reason, and shows in the source's
 * status. Poll failures are already reported by {@link SourcePollReporter}, so they only get DEBUG.
 */
@Component
public class SourceErrorLog implements ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SourceErrorLog.class);

    private final SourceStatusRegistry statuses;

    public SourceErrorLog(SourceStatusRegistry statuses) {
        this.statuses = statuses;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String reason = SourceFailures.describe(exception);
        String routeId = exchange == null ? null : exchange.getFromRouteId();
        if (routeId == null) {
            log.debug("{}: {}", message, reason);
            return;
        }
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String what = message != null && message.contains("commit")
                ? "was staged but could not be moved or deleted afterwards; the idempotent repository keeps it "
                        + "from being imported again"
                : String.valueOf(message);
        log.warn("Source {}: {} {}: {}", statuses.sourceName(routeId), file, what, reason);
        statuses.fileFailed(routeId, file + ": " + reason);
    }
}
