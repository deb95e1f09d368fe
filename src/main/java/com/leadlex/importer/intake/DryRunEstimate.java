package com.leadlex.importer.intake;

import java.time.Duration;
import java.time.Instant;

import com.leadlex.importer.importjob.CompletionPlanner.NewImportForecast;
import com.leadlex.importer.leadlex.QuotaLimits;
import com.leadlex.importer.leadlex.QuotaOutlook;
import com.leadlex.importer.system.HumanTime;

/**
 * A dry run's "how long" in words, from the same plan the API and the dashboard show once the list is
 * imported: when it would finish, at which quota, and what it shares the key with ("finishes ~Sat 28
 * Nov 00:00 UTC (in 1 d 14 h) at 2 requests a UTC day, 1 of today's 2 already used").
 */
final class DryRunEstimate {

    private DryRunEstimate() {
    }

    static String describe(long requests, NewImportForecast forecast) {
        QuotaOutlook outlook = forecast.outlook();
        if (forecast.eta() == null) {
            return "the key's plan sets no quota, so it takes as long as LeadLex takes to answer " + requests
                    + " request(s); no time can be put on that before LeadLex has answered once";
        }
        StringBuilder words = new StringBuilder(HumanTime.finishes(forecast.eta(), outlook.at()))
                .append(" at ").append(pace(outlook));
        QuotaLimits limits = outlook.limits();
        if (limits.perDay() > 0 && outlook.usedToday() > 0) {
            words.append(", ").append(Math.min(outlook.usedToday(), limits.perDay())).append(" of today's ")
                    .append(limits.perDay()).append(" already used");
        }
        if (forecast.othersOnKey() > 0) {
            words.append(", taking turns with ").append(forecast.othersOnKey())
                    .append(" unfinished import(s) on the key");
        }
        if (day(forecast.eta()) > day(outlook.at())) {
            words.append(" (it pauses when a day's quota is used and resumes by itself at midnight UTC)");
        }
        return words.toString();
    }

    /** Time the estimate adds up to, from now; null when unknown. */
    static Duration duration(NewImportForecast forecast) {
        return forecast.eta() == null ? null : Duration.between(forecast.outlook().at(), forecast.eta());
    }

    private static String pace(QuotaOutlook outlook) {
        QuotaLimits limits = outlook.limits();
        if (!limits.any()) {
            return outlook.answerTime() == null ? "LeadLex's pace"
                    : "LeadLex's pace (about " + outlook.answerTime().toMillis() + " ms an answer)";
        }
        return (limits.perMinute() > 0 ? requests(limits.perMinute()) + " a minute" : "")
                + (limits.perMinute() > 0 && limits.perDay() > 0 ? ", " : "")
                + (limits.perDay() > 0 ? requests(limits.perDay()) + " a UTC day" : "");
    }

    private static String requests(int count) {
        return count + (count == 1 ? " request" : " requests");
    }

    private static long day(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400);
    }
}
