package com.leadlex.importer.leadlex;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 and a random port that plays LeadLex from a script: each request
 * takes the next scripted answer (then the fallback), and every request is recorded as received.
 */
class ScriptedLeadLexServer implements AutoCloseable {

    record Received(String method, String rawPath, Map<String, List<String>> headers, String body, String rawQuery) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    record Answer(int status, String body, Map<String, String> headers, CountDownLatch holdUntil) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> fallback =
            request -> answer(500, "{\"error\":{\"code\":\"unscripted\",\"message\":\"no answer scripted\"}}");

    ScriptedLeadLexServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static Answer answer(int status, String body, String... headerPairs) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new Answer(status, body, headers, null);
    }

    ScriptedLeadLexServer then(int status, String body, String... headerPairs) {
        script.addLast(answer(status, body, headerPairs));
        return this;
    }

    /** The next request gets no answer until {@code latch} opens. */
    ScriptedLeadLexServer thenHold(CountDownLatch latch) {
        script.addLast(new Answer(200, "", Map.of(), latch));
        return this;
    }

    ScriptedLeadLexServer otherwise(Function<Received, Answer> answer) {
        this.fallback = answer;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox";
    }

    int requestCount() {
        return received.size();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    headers, body, exchange.getRequestURI().getRawQuery());
            received.add(request);
            Answer next = script.pollFirst();
            Answer answer = next != null ? next : fallback.apply(request);
            if (answer.holdUntil() != null) {
                answer.holdUntil().await(30, TimeUnit.SECONDS);
                return;
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up on this request (read timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
