package com.leadlex.importer.sources;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One source's settings, {@code importer.sources.<name>.*}: the source becomes a route made from its
 * kind's template under {@code routes/} ({@link SourceRoutes}), with the route id {@code <name>}.
 * Settings left out take the template's default; the README has the table per kind.
 *
 * @param kind                   {@code folder} or {@code sftp}; left out, a {@code host} makes it sftp
 * @param enabled                false leaves the source off (it is listed as disabled); on unless said otherwise
 * @param sourceName             the source's name in imports and in LeadLex's {@code source} tag; the name if blank
 * @param campaign               a fixed campaign ID for every list of this source (wins over the two below)
 * @param campaignFromFolder     take the campaign from the sub-folder the list is in
 *                               ({@code <dir>/<campaign>/list.csv})
 * @param campaignColumn         take the campaign from this column (CSV) of the list; one campaign per list (wins
 *                               over the folder)
 * @param directory              the folder looked at (local, or on the SFTP server)
 * @param host                   SFTP host
 * @param port                   SFTP port (22)
 * @param username               SFTP user
 * @param privateKeyFile         SFTP private key (a path; from the environment)
 * @param privateKeyPassphrase   the key's passphrase, if it has one (from the environment)
 * @param password               SFTP password, instead of a key (from the environment)
 * @param knownHostsFile         the known_hosts file the server's key is checked against
 * @param strictHostKeyChecking  {@code yes} (default) checks the SFTP server's key against known_hosts
 * @param delay                  poll interval in milliseconds, for interval sources
 * @param cron                   Quartz cron expression: makes it a scheduled source (wins over delay)
 * @param timeZone               the cron's time zone
 * @param deleteAfterPickup      delete a list once staged instead of moving it to done/
 * @param readLock               when a file counts as complete: {@code changed} (default), {@code none}...
 * @param readLockCheckInterval  milliseconds between the two looks of {@code changed}
 * @param readLockMinAge         minimum age in milliseconds (SFTP: by the server's clock)
 * @param doneFileName           take a list only once this marker file is there, e.g. {@code $simple{file:name}.done}
 * @param backoffMultiplier      SFTP: after a failed poll, skip this many polls minus one
 * @param fileKeyPrefix          first part of the key a taken file is remembered by; the name if blank. Changing it
 *                               makes every file look new
 * @param createMissing          create the contacts of e-mail addresses LeadLex does not know, for this source's
 *                               lists; unset follows {@code importer.contacts.create-missing}
 * @param poolBelow              this source's lists with fewer valid IDs than this join their campaign's pool (0:
 *                               never); unset follows {@code importer.pool.below}
 */
public record SourceProperties(
        String kind,
        @DefaultValue("true") boolean enabled,
        String sourceName,
        String campaign,
        @DefaultValue("false") boolean campaignFromFolder,
        String campaignColumn,
        String directory,
        String host,
        Integer port,
        String username,
        String privateKeyFile,
        String privateKeyPassphrase,
        String password,
        String knownHostsFile,
        @DefaultValue("yes") String strictHostKeyChecking,
        Long delay,
        String cron,
        String timeZone,
        @DefaultValue("false") boolean deleteAfterPickup,
        String readLock,
        Long readLockCheckInterval,
        Long readLockMinAge,
        String doneFileName,
        Integer backoffMultiplier,
        String fileKeyPrefix,
        Boolean createMissing,
        Integer poolBelow) {

    public SourceProperties {
        if (!"yes".equals(strictHostKeyChecking) && !"no".equals(strictHostKeyChecking)) {
            // JSch checks host keys only for exactly "yes": a "true" (an unquoted YAML yes) would not be checked
            throw new IllegalArgumentException("strict-host-key-checking must be \"yes\" or \"no\", quoted in YAML "
                    + "(unquoted, yes and no are read as true and false), but is " + strictHostKeyChecking);
        }
    }

    /** The settings of a route nobody configured: its name is its route id, the campaign comes from the folder. */
    public static SourceProperties unconfigured() {
        return new SourceProperties(null, false, null, null, true, null, null, null, null, null, null, null, null,
                null, "yes", null, null, null, false, null, null, null, null, null, null, null, null);
    }

    public boolean hostKeyChecked() {
        return "yes".equals(strictHostKeyChecking);
    }

    /** A scheduled source looks at the times of its cron instead of every {@code delay} ms. */
    public boolean scheduled() {
        return isSet(cron);
    }

    /** When the source looks, in words: the cron and zone, or the interval. */
    public String schedule() {
        if (scheduled()) {
            return "cron " + cron + (timeZone == null ? "" : " " + timeZone);
        }
        return delay == null ? null : "every " + delay + " ms";
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
