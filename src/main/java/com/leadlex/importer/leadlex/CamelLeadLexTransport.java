package com.leadlex.importer.leadlex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends LeadLex requests through the {@code send-contact-chunk} Camel route, and turns the exchange
 * back into an {@link HttpReply} or, when no response arrived, the underlying {@link IOException}.
 * While Camel is not started (the importer is starting or stopping) it throws
 * {@link TransportNotReadyException}, a condition of the importer, not of LeadLex.
 */
@Component
public class CamelLeadLexTransport implements LeadLexTransport {

    private final ProducerTemplate producerTemplate;
    private final CamelContext camel;

    public CamelLeadLexTransport(ProducerTemplate producerTemplate, CamelContext camel) {
        this.producerTemplate = producerTemplate;
        this.camel = camel;
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        if (!camel.isStarted()) {
            throw new TransportNotReadyException("the importer is " + describe(camel) + "; nothing was sent", false);
        }
        Exchange exchange;
        try {
            exchange = producerTemplate.send(SendContactChunkRoute.ENDPOINT, request -> {
                request.setProperty(SendContactChunkRoute.METHOD, call.method());
                request.getIn().setHeader(Exchange.HTTP_URI, call.url());
                call.headers().forEach(request.getIn()::setHeader);
                request.getIn().setBody(call.isGet() ? null : call.body());
            });
        } catch (RuntimeException e) {
            if (!camel.isStarted()) {
                throw new TransportNotReadyException("the importer began stopping while the request was on its way",
                        true);
            }
            throw e;
        }
        Exception failure = exchange.getException();
        if (failure != null && !camel.isStarted()) {
            throw new TransportNotReadyException("the importer began stopping while the request was on its way",
                    true);
        }
        if (failure != null) {
            IOException ioFailure = ioExceptionIn(failure);
            if (ioFailure != null) {
                throw ioFailure;
            }
            throw new IllegalStateException("Camel could not send the request to " + call.url() + ": "
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
        }
        return toReply(exchange.getMessage());
    }

    private static String describe(CamelContext camel) {
        return camel.isStopping() || camel.isStopped() ? "stopping" : "still starting";
    }

    private static HttpReply toReply(Message response) {
        Integer status = response.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> headers = new HashMap<>();
        for (String name : HttpReply.HEADERS_READ) {
            String value = response.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Charset charset = charsetOf(response.getExchange().getProperty(Exchange.CHARSET_NAME, String.class));
        return new HttpReply(status == null ? 0 : status, bodyBytes(response, charset), charset, headers);
    }

    /**
     * The answer's body as it came. camel-http hands it over as bytes or a stream; read directly, since
     * asking Camel to convert it looks a type converter up on every request.
     */
    private static byte[] bodyBytes(Message response, Charset charset) {
        Object body = response.getBody();
        try {
            if (body instanceof byte[] bytes) {
                return bytes;
            }
            if (body instanceof InputStream stream) {
                try (stream) {
                    return stream.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the answer's body could not be read", e);
        }
        String text = response.getBody(String.class);
        return text == null ? null : text.getBytes(charset);
    }

    /** The charset of the answer's Content-Type; UTF-8 (JSON's own) when it names none, or one unknown here. */
    private static Charset charsetOf(String declared) {
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static IOException ioExceptionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
