package com.leadlex.importer.leadlex;

/**
 * LeadLex's published plans and their request quotas, so an operator can write {@code leadlex.plan: pro}
 * instead of looking the numbers up; {@link #UNMETERED} sets no limit and leaves pacing to the server's
 * {@code X-RateLimit-*} headers.
 */
public enum LeadLexPlan {
    STARTER(10, 100),
    PRO(50, 1_000),
    ORG(200, 10_000),
    UNMETERED(0, 0);

    private final int requestsPerMinute;
    private final int requestsPerDay;

    LeadLexPlan(int requestsPerMinute, int requestsPerDay) {
        this.requestsPerMinute = requestsPerMinute;
        this.requestsPerDay = requestsPerDay;
    }

    /** Requests allowed per epoch-aligned minute, 0 when unlimited. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Requests allowed per UTC day, 0 when unlimited. */
    public int requestsPerDay() {
        return requestsPerDay;
    }
}
