package com.leadlex.importer.importjob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for LeadLex that costs next to nothing: a JDK HTTP server answering every add-contacts
 * request with the documented shape, every ID newly added, after an optional delay. The send-phase
 * benchmark runs it in a process of its own, so that neither the importer nor the bare loop it is
 * compared with shares a JVM (or a heap) with it, and a 10,000,000-ID list costs it nothing to hold.
 * Prints {@code listening on <port>} once it answers. Arguments: delay in milliseconds (default 0).
 */
public final class AddContactsSink {

    private static final AtomicLong requests = new AtomicLong();
    private static final AtomicLong ids = new AtomicLong();
    private static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(2);

    private AddContactsSink() {
    }

    public static void main(String[] args) throws IOException {
        long delayMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> answer(exchange, delayMillis));
        server.createContext("/stats", AddContactsSink::stats);
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
        System.out.flush();
    }

    /**
     * Counts the request and answers it, after {@code delayMillis} when there is one: the answer is
     * scheduled rather than waited for, so a slow LeadLex holds no server thread and any number of
     * requests can be in flight at once.
     */
    private static void answer(HttpExchange exchange, long delayMillis) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String quoted = idsIn(body);
        int count = quoted.isEmpty() ? 0 : (int) quoted.chars().filter(c -> c == ',').count() + 1;
        requests.incrementAndGet();
        ids.addAndGet(count);
        byte[] answer = ("{\"data\":{\"added\":" + count + ",\"skipped\":0,\"contact_ids\":[" + quoted + "]}}")
                .getBytes(StandardCharsets.UTF_8);
        if (delayMillis > 0) {
            LATER.schedule(() -> send(exchange, answer), delayMillis, TimeUnit.MILLISECONDS);
        } else {
            send(exchange, answer);
        }
    }

    private static void send(HttpExchange exchange, byte[] answer) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException e) {
            System.err.println("could not answer: " + e);
        }
    }

    private static void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] answer = (requests.get() + " " + ids.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** The quoted IDs of {@code "contact_ids": [...]}, as they stand between the brackets. */
    static String idsIn(String body) {
        int key = body.indexOf("\"contact_ids\"");
        int open = key < 0 ? -1 : body.indexOf('[', key);
        int close = open < 0 ? -1 : body.indexOf(']', open);
        return close < 0 ? "" : body.substring(open + 1, close).replace(" ", "").replace("\n", "");
    }
}
