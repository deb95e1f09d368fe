package com.leadlex.importer.sources;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of source there are, each one route template under {@code routes/}. A source's kind is
 * its {@code kind} setting or, when that is left out, inferred: a {@code host} makes it SFTP,
 * anything else is a folder. Where a staged list goes ({@code move}) is said here rather than in
 * the template because a source that deletes its lists must leave {@code move} out altogether.
 */
public enum SourceKind {

    FOLDER("folder", "folder-source", "${bean:sourceFileTargets?method=done}"),
    SFTP("sftp", "sftp-source", "done/${file:onlyname}");

    private final String setting;
    private final String templateId;
    private final String doneMove;

    SourceKind(String setting, String templateId, String doneMove) {
        this.setting = setting;
        this.templateId = templateId;
        this.doneMove = doneMove;
    }

    /** The kind of the source {@code name}, or a {@link SourceSettingsException} naming it. */
    public static SourceKind of(String name, SourceProperties settings) {
        String kind = settings.kind();
        boolean hasHost = settings.host() != null && !settings.host().isBlank();
        if (kind == null || kind.isBlank()) {
            return hasHost ? SFTP : FOLDER;
        }
        SourceKind chosen = Arrays.stream(values()).filter(k -> k.setting.equals(kind.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new SourceSettingsException(name, "kind is '" + kind + "', which is none of "
                        + Arrays.stream(values()).map(k -> k.setting).collect(Collectors.joining(", "))));
        if (chosen == FOLDER && hasHost) {
            throw new SourceSettingsException(name, "kind is folder but host is set (" + settings.host()
                    + "); a source with a host is an SFTP source: write kind: sftp or remove host");
        }
        return chosen;
    }

    /** The word used in the settings: {@code kind: folder}. */
    public String setting() {
        return setting;
    }

    /** The id of the route template, in {@code routes/<templateId>.camel.yaml}. */
    public String templateId() {
        return templateId;
    }

    String doneMove() {
        return doneMove;
    }
}
