package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private final RequestWindow window = new RequestWindow();

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void oneAtATimeSendsEveryRequestInOrderInTheCallersThread() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        List<Supplier<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int number = i;
            requests.add(() -> {
                threads.add(Thread.currentThread().getName());
                return number;
            });
        }

        List<RequestWindow.Outcome<Integer>> outcomes = window.sendAll(requests, 1, () -> false);

        assertThat(outcomes).extracting(RequestWindow.Outcome::result).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void neverMoreThanInFlightRequestsAreOnTheirWayAtOnce() throws Exception {
        AtomicInteger onTheirWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch turnOfTwo = new CountDownLatch(2);
        List<Supplier<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(() -> {
                most.accumulateAndGet(onTheirWay.incrementAndGet(), Math::max);
                turnOfTwo.countDown();
                try {
                    // both of a turn are on their way together before either answers
                    turnOfTwo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                onTheirWay.decrementAndGet();
                return 1;
            });
        }

        List<RequestWindow.Outcome<Integer>> outcomes = window.sendAll(requests, 2, () -> false);

        assertThat(outcomes).allMatch(RequestWindow.Outcome::succeeded).hasSize(6);
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void afterATurnWithAFailureTheRestIsNotSentButTheFailedTurnIsWaitedFor() {
        AtomicInteger sent = new AtomicInteger();
        List<Supplier<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int number = i;
            requests.add(() -> {
                sent.incrementAndGet();
                if (number == 2) {
                    throw new IllegalStateException("LeadLex answered 503");
                }
                return number;
            });
        }

        List<RequestWindow.Outcome<Integer>> outcomes = window.sendAll(requests, 2, () -> false);

        assertThat(sent.get()).as("turns [0,1] and [2,3]; [4,5] and [6] not sent").isEqualTo(4);
        assertThat(outcomes).extracting(RequestWindow.Outcome::sent)
                .containsExactly(true, true, true, true, false, false, false);
        assertThat(outcomes.get(2).failure()).hasMessage("LeadLex answered 503");
        assertThat(outcomes.get(3).succeeded()).as("its sibling in the failed turn was answered").isTrue();
        assertThat(outcomes.get(4).succeeded()).isFalse();
        assertThat(outcomes.get(4).failure()).isNull();
    }

    @Test
    void aStopBeforeATurnLeavesThatTurnAndTheRestUnsentAndTheTurnsBeforeItAnswered() {
        AtomicInteger sent = new AtomicInteger();
        List<Supplier<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(sent::incrementAndGet);
        }

        // the operator's stop arrives while the second turn of two is on its way
        List<RequestWindow.Outcome<Integer>> outcomes = window.sendAll(requests, 2, () -> sent.get() >= 3);

        assertThat(outcomes).extracting(RequestWindow.Outcome::sent)
                .containsExactly(true, true, true, true, false, false);
        assertThat(outcomes).extracting(RequestWindow.Outcome::failure).containsOnlyNulls();
        assertThat(sent).hasValue(4);
    }

    @Test
    void aStopAskedBeforeTheFirstTurnIsLeftToTheCallerWhoLooksBeforeTheWindowBegins() {
        List<Supplier<Integer>> requests = List.of(() -> 1, () -> 2);

        assertThat(window.sendAll(requests, 1, () -> true)).extracting(RequestWindow.Outcome::sent)
                .containsExactly(true, false);
    }
}
