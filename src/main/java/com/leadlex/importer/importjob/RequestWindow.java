package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs the requests of one commit window, {@code inFlight} at a time: the first of each turn in the
 * caller's thread, the others on threads of their own, and waits for every one of a turn, whatever
 * becomes of the others, so that a window is booked only once nothing of it is still on its way.
 * Once a request of a turn has failed, the turns after it are not sent (LeadLex down, a key revoked
 * or the quota gone would only fail them too, each after its own retries). One request at a time
 * runs in the caller's thread and costs no hand-over.
 */
@Component
public class RequestWindow {

    private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

    /**
     * Each request's outcome, in the order given; once {@code stop} answers true, before a turn, that
     * turn and the rest are not sent.
     */
    <T> List<Outcome<T>> sendAll(List<Supplier<T>> requests, int inFlight, BooleanSupplier stop) {
        List<Outcome<T>> outcomes = new ArrayList<>();
        boolean failed = false;
        for (int from = 0; from < requests.size(); from += inFlight) {
            List<Supplier<T>> turn = requests.subList(from, Math.min(from + inFlight, requests.size()));
            failed = failed || (from > 0 && stop.getAsBoolean());
            if (failed) {
                turn.forEach(request -> outcomes.add(Outcome.notSent()));
                continue;
            }
            List<Outcome<T>> answered = sendAtOnce(turn);
            failed = answered.stream().anyMatch(outcome -> outcome.failure() != null);
            outcomes.addAll(answered);
        }
        return outcomes;
    }

    private <T> List<Outcome<T>> sendAtOnce(List<Supplier<T>> requests) {
        List<CompletableFuture<Outcome<T>>> others = new ArrayList<>();
        for (Supplier<T> request : requests.subList(1, requests.size())) {
            others.add(CompletableFuture.supplyAsync(() -> Outcome.of(request), senders));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        outcomes.add(Outcome.of(requests.get(0)));
        others.forEach(other -> outcomes.add(other.join()));
        return outcomes;
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /** A request's result, what it threw, or neither: not sent, since an earlier turn failed. */
    record Outcome<T>(T result, RuntimeException failure, boolean sent) {

        static <T> Outcome<T> of(Supplier<T> request) {
            try {
                return new Outcome<>(request.get(), null, true);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e, true);
            }
        }

        static <T> Outcome<T> notSent() {
            return new Outcome<>(null, null, false);
        }

        boolean succeeded() {
            return sent && failure == null;
        }
    }

    private static final class SenderThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "leadlex-window-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
