package com.leadlex.importer.notify;

/** One way of telling people: the webhook or e-mail. */
interface NotificationChannel {

    /** The name stored with each outbox row ({@code webhook}, {@code email}). */
    String name();

    /** Whether the settings name a destination; an unconfigured channel gets no outbox rows. */
    boolean configured();

    /** Sends one message; throws when it did not go out, so the dispatcher retries it later. */
    void send(OutboxMessage message) throws Exception;
}
