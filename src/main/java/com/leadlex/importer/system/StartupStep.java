package com.leadlex.importer.system;

/**
 * Work that must be done after the database is migrated and before anything that takes in new
 * work runs: source routes, scheduled pollers, the webhook batcher. Recovering interrupted imports
 * is such a step: a list a source picked up earlier would otherwise be taken for an interrupted
 * import and run twice. Steps run once, in {@link org.springframework.core.annotation.Order} order,
 * from {@link StartupSequence}.
 */
public interface StartupStep {

    /** A few words for the start-up log. */
    String description();

    void run();
}
