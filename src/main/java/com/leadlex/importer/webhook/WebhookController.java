package com.leadlex.importer.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import com.leadlex.importer.webhook.format.SalesforceAck;

/**
 * {@code POST /webhooks/{source}} (and {@code /webhooks/{source}/{token}} for path-token sources).
 * Reads the raw body itself, bounded by the size limit, because signatures cover the exact bytes;
 * answers 202 with the event ID (Salesforce: its SOAP Ack) once the event is committed, or
 * 404/413/401/400 with nothing stored.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookIntake intake;
    private final WebhookProperties properties;

    public WebhookController(WebhookIntake intake, WebhookProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping({"/webhooks/{source}", "/webhooks/{source}/{token}"})
    public ResponseEntity<?> receive(@PathVariable String source, @PathVariable(required = false) String token,
            HttpServletRequest http) throws IOException {
        try {
            WebhookSource configured = intake.source(source, token);
            byte[] body = readBounded(http, properties.maxBodyBytes(configured));
            StoredEvent stored = intake.accept(new WebhookRequest(source, http.getMethod().toUpperCase(Locale.ROOT),
                    url(http), token, headers(http), body));
            if (configured.format() == WebhookFormat.SALESFORCE_OUTBOUND) {
                return ResponseEntity.ok().header("X-Webhook-Event-Id", String.valueOf(stored.eventId()))
                        .contentType(MediaType.parseMediaType(SalesforceAck.CONTENT_TYPE)).body(SalesforceAck.BODY);
            }
            return ResponseEntity.accepted().body(stored);
        } catch (WebhookRefusedException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                log.warn("Webhook {} refused (401): {}", source, e.logDetail());
            } else {
                log.info("Webhook {} refused ({}): {}", source, e.status().value(), e.logDetail());
            }
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", e.getMessage()));
        }
    }

    private static byte[] readBounded(HttpServletRequest http, long maxBytes) throws IOException {
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    private static WebhookRefusedException tooLarge(long maxBytes) {
        String reason = "the body is larger than the " + maxBytes + " bytes accepted";
        return new WebhookRefusedException(HttpStatus.CONTENT_TOO_LARGE, reason, reason);
    }

    private static String url(HttpServletRequest http) {
        String query = http.getQueryString();
        return http.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        return headers;
    }
}
