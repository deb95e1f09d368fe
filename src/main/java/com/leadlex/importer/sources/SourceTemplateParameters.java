package com.leadlex.importer.sources;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;

/**
 * Turns one source's settings into the parameters of its kind's route template, and refuses, naming
 * the source, settings that could only make a broken route: no directory, no campaign, a cron
 * Quartz cannot read, an unknown time zone or read lock. Settings left out are left out here too, so
 * the template's defaults apply; {@code move} is left out when the source deletes its lists, since
 * a file consumer refuses {@code delete} together with {@code move}.
 */
final class SourceTemplateParameters {

    static final String CRON_SCHEDULER = "#cronPickupScheduler";

    private static final Set<String> FOLDER_READ_LOCKS = Set.of("none", "markerFile", "fileLock", "rename", "changed",
            "idempotent", "idempotent-changed", "idempotent-rename");
    private static final Set<String> SFTP_READ_LOCKS = Set.of("none", "rename", "changed", "idempotent",
            "idempotent-changed", "idempotent-rename");

    private final String name;
    private final SourceProperties settings;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SourceTemplateParameters(String name, SourceProperties settings) {
        this.name = name;
        this.settings = settings;
    }

    /** The template parameters for source {@code name}; for SFTP, call only once {@link SftpLogin} found a login. */
    static Map<String, Object> of(String name, SourceKind kind, SourceProperties settings) {
        SourceTemplateParameters built = new SourceTemplateParameters(name, settings);
        built.where();
        built.campaign();
        built.pickup(kind);
        built.schedule();
        if (kind == SourceKind.SFTP) {
            built.sftp();
        }
        return built.parameters;
    }

    private void where() {
        put("directory", required("directory", settings.directory()));
        put("fileKeyPrefix", SourceProperties.isSet(settings.fileKeyPrefix()) ? settings.fileKeyPrefix() : name);
    }

    private void campaign() {
        if (!SourceProperties.isSet(settings.campaign()) && !SourceProperties.isSet(settings.campaignColumn())
                && !settings.campaignFromFolder()) {
            throw new SourceSettingsException(name, "no campaign: set campaign (one campaign for every list), "
                    + "campaign-from-folder: true (<directory>/<campaign-id>/list.csv) or campaign-column");
        }
        if (settings.campaignFromFolder()) {
            // a list directly in the directory has no campaign folder: only <directory>/<campaign-id>/<list>
            put("recursive", "true");
            put("minDepth", "2");
            put("maxDepth", "2");
        }
    }

    private void pickup(SourceKind kind) {
        if (settings.deleteAfterPickup()) {
            put("delete", "true");
        } else {
            put("move", kind.doneMove());
        }
        String readLock = settings.readLock();
        Set<String> readLocks = kind == SourceKind.SFTP ? SFTP_READ_LOCKS : FOLDER_READ_LOCKS;
        if (readLock != null && !readLocks.contains(readLock)) {
            throw new SourceSettingsException(name, "read-lock '" + readLock + "' is not one a " + kind.setting()
                    + " source knows: " + readLocks);
        }
        put("readLock", readLock);
        put("readLockCheckInterval", atLeast("read-lock-check-interval", settings.readLockCheckInterval(), 0));
        put("readLockMinAge", atLeast("read-lock-min-age", settings.readLockMinAge(), 0));
        put("doneFileName", SourceProperties.isSet(settings.doneFileName()) ? settings.doneFileName() : null);
    }

    private void schedule() {
        if (!settings.scheduled()) {
            put("delay", atLeast("delay", settings.delay(), 1));
            return;
        }
        try {
            CronExpression.validateExpression(settings.cron());
        } catch (ParseException e) {
            throw new SourceSettingsException(name, "cron '" + settings.cron() + "' is not a Quartz cron expression ("
                    + e.getMessage() + "); it has six or seven fields: seconds minutes hours day month weekday "
                    + "[year], e.g. \"0 0 2 * * ?\" for 02:00 every day");
        }
        put("scheduler", CRON_SCHEDULER);
        put("cron", settings.cron());
        if (SourceProperties.isSet(settings.timeZone())) {
            try {
                put("timeZone", ZoneId.of(settings.timeZone()).getId());
            } catch (DateTimeException e) {
                throw new SourceSettingsException(name, "time-zone '" + settings.timeZone()
                        + "' is not a time zone (write a region such as Europe/Berlin, or UTC)");
            }
        }
    }

    private void sftp() {
        put("source", name);
        put("host", required("host", settings.host()));
        put("username", required("username", settings.username()));
        Integer port = settings.port();
        if (port != null && (port < 1 || port > 65_535)) {
            throw new SourceSettingsException(name, "port " + port + " is not a TCP port (1 to 65535)");
        }
        put("port", port);
        put("knownHostsFile", SourceProperties.isSet(settings.knownHostsFile()) ? settings.knownHostsFile() : null);
        put("strictHostKeyChecking", settings.strictHostKeyChecking());
        put("backoffMultiplier", atLeast("backoff-multiplier", settings.backoffMultiplier(), 1));
        parameters.putAll(SftpLogin.parameters(settings));
    }

    private String required(String setting, String value) {
        if (!SourceProperties.isSet(value)) {
            throw new SourceSettingsException(name, setting + " is missing");
        }
        return value;
    }

    private Number atLeast(String setting, Number value, long minimum) {
        if (value != null && value.longValue() < minimum) {
            throw new SourceSettingsException(name, setting + " is " + value + ", but must be at least " + minimum);
        }
        return value;
    }

    private void put(String parameter, Object value) {
        if (value != null) {
            parameters.put(parameter, String.valueOf(value));
        }
    }
}
