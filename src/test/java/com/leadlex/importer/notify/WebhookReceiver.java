package com.leadlex.importer.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real incoming-webhook endpoint on 127.0.0.1 and a random port, as Slack's would be: records
 * every POSTed body and answers 200, or 503 for as many calls as it is told to fail.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/ops", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                status = 503;
                refused.incrementAndGet();
            } else {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ops";
    }

    /** Bodies accepted (answered 200), oldest first. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Bodies accepted that contain {@code text}. */
    List<String> bodiesWith(String text) {
        return bodies.stream().filter(body -> body.contains(text)).toList();
    }

    void failNext(int calls) {
        failuresLeft.set(calls);
    }

    int refusedCalls() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
