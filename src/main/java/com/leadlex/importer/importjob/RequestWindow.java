package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs the requests of one send window at once: the first in the caller's thread, the others on
 * threads of their own, and waits for every one of them, whatever becomes of the others, so that a
 * window is booked only once nothing of it is still on its way. One request alone (the default
 * window) runs in the caller's thread and costs no hand-over.
 */
@Component
public class RequestWindow {

    private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

    /** Each request's outcome, in the order given. */
    <T> List<Outcome<T>> sendAll(List<Supplier<T>> requests) {
        List<CompletableFuture<Outcome<T>>> others = new ArrayList<>();
        for (Supplier<T> request : requests.subList(Math.min(1, requests.size()), requests.size())) {
            others.add(CompletableFuture.supplyAsync(() -> Outcome.of(request), senders));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        if (!requests.isEmpty()) {
            outcomes.add(Outcome.of(requests.get(0)));
        }
        others.forEach(other -> outcomes.add(other.join()));
        return outcomes;
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /** A request's result, or what it threw. */
    record Outcome<T>(T result, RuntimeException failure) {

        static <T> Outcome<T> of(Supplier<T> request) {
            try {
                return new Outcome<>(request.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        boolean succeeded() {
            return failure == null;
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
