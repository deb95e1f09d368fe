package com.leadlex.importer.webhook;

import org.springframework.http.HttpStatus;

/**
 * A webhook call that is refused, with the status it gets and a reason the caller may read. Nothing
 * is stored for a refused call. For 401 the reason stays vague on purpose (a forger learns nothing);
 * {@link #logDetail()} says what failed, for the log only, and never holds a secret.
 */
public class WebhookRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String logDetail;

    public WebhookRefusedException(HttpStatus status, String reason, String logDetail) {
        super(reason);
        this.status = status;
        this.logDetail = logDetail;
    }

    public static WebhookRefusedException unauthorized(String logDetail) {
        return new WebhookRefusedException(HttpStatus.UNAUTHORIZED, "the request could not be authenticated",
                logDetail);
    }

    public static WebhookRefusedException malformed(String reason) {
        return new WebhookRefusedException(HttpStatus.BAD_REQUEST, reason, reason);
    }

    public HttpStatus status() {
        return status;
    }

    public String logDetail() {
        return logDetail;
    }
}
