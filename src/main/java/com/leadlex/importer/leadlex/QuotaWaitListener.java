package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * Told when a request has to wait for its quota slot for more than a moment, and when that wait is
 * over, so that the caller can show the wait for what it is ("waiting for quota until 18:06:00 UTC")
 * rather than "sending". Called in the requesting thread; a listener that fails is logged and never
 * disturbs the request.
 */
public interface QuotaWaitListener {

    /** Nobody to tell. */
    QuotaWaitListener NONE = new QuotaWaitListener() {
        @Override
        public void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached) {
        }

        @Override
        public void waitOver() {
        }
    };

    /**
     * @param until                          when the request's slot comes
     * @param reason                         which window the wait is for, in words
     * @param anEarlierAttemptMayHaveReached an earlier attempt of the same call got no answer or a 5xx,
     *                                       so LeadLex may have processed it: a crash during the wait
     *                                       must not forget that
     */
    void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached);

    /** The wait is over; the request goes out now (or waits again, and says so). */
    void waitOver();
}
