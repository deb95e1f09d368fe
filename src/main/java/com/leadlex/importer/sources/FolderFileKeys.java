package com.leadlex.importer.sources;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the folder sources remember the files they took: {@code <prefix>:<path>:<size>:<modified>},
 * the path relative to the watched folder ({@code campaign/list.csv}), so that nodes which mount one
 * shared folder at different places key a file alike and take it once. Keys written before that
 * held the absolute path; this type knows both forms, so a file recorded either way stays taken.
 */
final class FolderFileKeys {

    /** Each enabled folder source's key prefix, with its folder as an absolute path. */
    private final Map<String, Path> folders;

    private FolderFileKeys(Map<String, Path> folders) {
        this.folders = folders;
    }

    static FolderFileKeys of(SourcesProperties properties) {
        Map<String, Path> folders = new LinkedHashMap<>();
        properties.sources().forEach((name, settings) -> {
            if (settings.enabled() && SourceKind.of(name, settings) == SourceKind.FOLDER
                    && SourceProperties.isSet(settings.directory())) {
                folders.put(prefixOf(name, settings), Path.of(settings.directory()).toAbsolutePath().normalize());
            }
        });
        return new FolderFileKeys(folders);
    }

    static String prefixOf(String name, SourceProperties settings) {
        return SourceProperties.isSet(settings.fileKeyPrefix()) ? settings.fileKeyPrefix() : name;
    }

    /** The key an earlier version wrote for the same file (absolute path), when {@code key} is a folder source's. */
    Optional<String> earlierFormOf(String key) {
        return parse(key).filter(taken -> !taken.path().isAbsolute())
                .map(taken -> taken.prefix() + ":" + folders.get(taken.prefix()).resolve(taken.path()) + ":"
                        + taken.size() + ":" + taken.modified());
    }

    /** A recorded key of a folder source taken apart, its path made absolute on this node. */
    Optional<TakenFile> parse(String key) {
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            if (key.startsWith(folder.getKey() + ":")) {
                return TakenFile.parse(folder.getKey(), key.substring(folder.getKey().length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Where the file a key names lies on this node. */
    Path locate(TakenFile taken) {
        return taken.path().isAbsolute() ? taken.path() : folders.get(taken.prefix()).resolve(taken.path());
    }

    /** A key's parts; the path may hold colons, so size and time are read from the right. */
    record TakenFile(String prefix, Path path, long size, long modified) {

        static Optional<TakenFile> parse(String prefix, String rest) {
            int modifiedAt = rest.lastIndexOf(':');
            int sizeAt = modifiedAt < 0 ? -1 : rest.lastIndexOf(':', modifiedAt - 1);
            if (sizeAt <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new TakenFile(prefix, Path.of(rest.substring(0, sizeAt)),
                        Long.parseLong(rest.substring(sizeAt + 1, modifiedAt)),
                        Long.parseLong(rest.substring(modifiedAt + 1))));
            } catch (RuntimeException notAFileKey) {
                return Optional.empty();
            }
        }
    }
}
