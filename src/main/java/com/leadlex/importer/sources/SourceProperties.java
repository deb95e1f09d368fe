package com.leadlex.importer.sources;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One source's settings, {@code importer.sources.<route-id>.*}. The route file reads the endpoint
 * settings (host, directory, schedule, read lock...) as placeholders; the ones here are those the
 * Java side acts on, plus the "where" and "when" shown in {@code /api/sources}.
 *
 * @param enabled                 start the route (route files ship disabled until configured)
 * @param sourceName              the source's name in imports and in LeadLex's {@code source} tag; the route id if blank
 * @param campaign                a fixed campaign ID for every list of this source (wins over the two below)
 * @param campaignFromFolder      take the campaign from the sub-folder the list is in ({@code <dir>/<campaign>/list.csv})
 * @param campaignColumn          take the campaign from this column (CSV) of the list; one campaign per list (wins
 *                                over the folder)
 * @param host                    SFTP host (shown in the status)
 * @param directory               the folder looked at (local or on the server)
 * @param strictHostKeyChecking   {@code yes} (default) checks the SFTP server's key against known_hosts
 * @param delay                   poll interval in milliseconds, for interval sources
 * @param cron                    Quartz cron expression, for scheduled sources
 * @param timeZone                the cron's time zone
 */
public record SourceProperties(
        @DefaultValue("false") boolean enabled,
        String sourceName,
        String campaign,
        @DefaultValue("false") boolean campaignFromFolder,
        String campaignColumn,
        String host,
        String directory,
        @DefaultValue("yes") String strictHostKeyChecking,
        Long delay,
        String cron,
        String timeZone) {

    public SourceProperties {
        if (!"yes".equals(strictHostKeyChecking) && !"no".equals(strictHostKeyChecking)) {
            // JSch checks host keys only for exactly "yes": a "true" (an unquoted YAML yes) would not be checked
            throw new IllegalArgumentException("strict-host-key-checking must be \"yes\" or \"no\", quoted in YAML "
                    + "(unquoted, yes and no are read as true and false), but is " + strictHostKeyChecking);
        }
    }

    /** The settings of a route nobody configured: its name is its route id, the campaign comes from the folder. */
    public static SourceProperties unconfigured() {
        return new SourceProperties(false, null, null, true, null, null, null, "yes", null, null, null);
    }

    public boolean hostKeyChecked() {
        return "yes".equals(strictHostKeyChecking);
    }

    /** When the source looks, in words: the cron and zone, or the interval. */
    public String schedule() {
        if (cron != null && !cron.isBlank()) {
            return "cron " + cron + (timeZone == null ? "" : " " + timeZone);
        }
        return delay == null ? null : "every " + delay + " ms";
    }
}
