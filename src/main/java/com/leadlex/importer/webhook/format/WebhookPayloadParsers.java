package com.leadlex.importer.webhook.format;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookSource;

/** Picks the parser a source's format names. */
@Component
public class WebhookPayloadParsers {

    private final Map<WebhookFormat, WebhookPayloadParser> byFormat = new EnumMap<>(WebhookFormat.class);

    public WebhookPayloadParsers(List<WebhookPayloadParser> parsers) {
        parsers.forEach(parser -> byFormat.put(parser.format(), parser));
    }

    /** @see WebhookPayloadParser#parse */
    public ParsedPayload parse(byte[] body, WebhookSource source) {
        WebhookPayloadParser parser = byFormat.get(source.format());
        if (parser == null) {
            throw new IllegalStateException("no parser for " + source.format());
        }
        return parser.parse(body, source);
    }
}
