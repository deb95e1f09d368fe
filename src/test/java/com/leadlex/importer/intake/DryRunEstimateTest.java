package com.leadlex.importer.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.importjob.CompletionPlanner.NewImportForecast;
import com.leadlex.importer.leadlex.QuotaLimits;
import com.leadlex.importer.leadlex.QuotaOutlook;
import com.leadlex.importer.leadlex.QuotaPlanner;
import com.leadlex.importer.leadlex.QuotaPlanner.Demand;

/** A dry run's estimate in words, on fixed instants: when, at which quota, and what else uses the key. */
class DryRunEstimateTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    static final QuotaLimits PRO = new QuotaLimits(50, 1_000);

    /** What the planner answers for a new list of {@code requests} behind {@code others}. */
    static NewImportForecast forecast(QuotaOutlook outlook, long requests, Demand... others) {
        List<Demand> demands = new java.util.ArrayList<>(List.of(others));
        demands.add(new Demand(-1, requests, null, null));
        return new NewImportForecast(outlook, others.length, QuotaPlanner.finishTimes(outlook, demands, 4).get(-1L));
    }

    @Test
    void aSmallListOnAFreshKeyFinishesWithinTheMinute() {
        NewImportForecast forecast = forecast(QuotaOutlook.fresh(NOW, PRO, MAX_WAIT), 3);

        assertThat(DryRunEstimate.describe(3, forecast))
                .isEqualTo("finishes ~Thu 26 Nov 10:00 UTC (in under a minute) at 50 requests a minute, "
                        + "1000 requests a UTC day");
        assertThat(DryRunEstimate.duration(forecast)).isZero();
    }

    @Test
    void theQuotaAlreadyUsedTodayAndOtherImportsOnTheKeyCount() {
        QuotaOutlook twoADay = QuotaOutlook.fresh(NOW, new QuotaLimits(0, 2), MAX_WAIT).withUsed(0, 1);

        NewImportForecast forecast = forecast(twoADay, 3, new Demand(7, 2, null, null));

        // today's last request goes to import 7; then 7 and the new list take turns on Friday and Saturday
        assertThat(forecast.eta()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(DryRunEstimate.describe(3, forecast)).isEqualTo("finishes ~Sat 28 Nov 00:00 UTC (in 1 d 14 h) "
                + "at 2 requests a UTC day, 1 of today's 2 already used, taking turns with 1 unfinished import(s) "
                + "on the key (it pauses when a day's quota is used and resumes by itself at midnight UTC)");
        assertThat(DryRunEstimate.duration(forecast)).isEqualTo(Duration.ofHours(38));
    }

    @Test
    void anUnmeteredKeyIsPacedByLeadLexsAnswers() {
        QuotaOutlook unmetered = QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT)
                .withAnswerTime(Duration.ofMillis(300));

        assertThat(DryRunEstimate.describe(400, forecast(unmetered, 400)))
                .isEqualTo("finishes ~Thu 26 Nov 10:02 UTC (in 2 min) at LeadLex's pace (about 300 ms an answer)");
    }

    @Test
    void anUnmeteredKeyLeadLexHasNotAnsweredOnCannotBeTimed() {
        NewImportForecast forecast = forecast(QuotaOutlook.fresh(NOW, QuotaLimits.unlimited(), MAX_WAIT), 7);

        assertThat(forecast.eta()).isNull();
        assertThat(DryRunEstimate.describe(7, forecast)).contains("no quota", "7 request(s)");
        assertThat(DryRunEstimate.duration(forecast)).isNull();
    }
}
