package com.leadlex.importer.leadlex;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code leadlex} in /actuator/health: LeadLex as the importer last saw it (reachable, key
 * accepted) and the key's quota left, all from memory. A probe never sends a request, so it never
 * spends quota; before the first import it reports UNKNOWN. DOWN when the last answer refused the
 * key or LeadLex could not be reached.
 */
@Component("leadlex")
public class LeadLexHealthIndicator implements HealthIndicator {

    private final LeadLexLastSeen lastSeen;
    private final QuotaGateRegistry gates;

    public LeadLexHealthIndicator(LeadLexLastSeen lastSeen, QuotaGateRegistry gates) {
        this.lastSeen = lastSeen;
        this.gates = gates;
    }

    @Override
    public Health health() {
        LeadLexLastSeen.Sighting last = lastSeen.last();
        Health.Builder health;
        if (last == null) {
            health = Health.unknown().withDetail("lastSeen", "not called since start-up");
        } else {
            health = last.reachable() && last.keyAccepted() ? Health.up() : Health.down();
            health.withDetail("lastSeen", last.at().toString())
                    .withDetail("lastStatus", last.status())
                    .withDetail("reachable", last.reachable())
                    .withDetail("keyAccepted", last.keyAccepted());
            if (!last.keyAccepted()) {
                health.withDetail("action", last.status() == 401
                        ? "The API key is invalid or expired: set LEADLEX_API_KEY to a valid key"
                        : "The API key lacks campaigns:write: create a key with that permission");
            }
        }
        QuotaState quota = gates.configuredKeyState().orElse(null);
        if (quota == null) {
            return health.withDetail("key", "(none: set LEADLEX_API_KEY)").build();
        }
        return health.withDetail("key", quota.key())
                .withDetail("quotaLeftThisMinute", quota.leftThisMinute() == null ? "unlimited" : quota.leftThisMinute())
                .withDetail("quotaLeftToday", quota.leftToday() == null ? "unlimited" : quota.leftToday())
                .withDetail("nextReset", quota.nextReset().toString())
                .build();
    }
}
