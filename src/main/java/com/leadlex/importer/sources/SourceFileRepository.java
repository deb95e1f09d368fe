package com.leadlex.importer.sources;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The files every source took (SOURCE_FILE_SEEN), as Camel's JDBC idempotent repository keeps
 * them: an insert that only one node can win, so nodes on one database take a file once. A folder
 * file counts as taken under its key and under the absolute-path key earlier versions wrote for it,
 * so upgrading takes no file twice.
 */
class SourceFileRepository extends JdbcMessageIdRepository {

    private final FolderFileKeys folderKeys;

    SourceFileRepository(DataSource dataSource, String processorName, FolderFileKeys folderKeys) {
        super(dataSource, processorName);
        this.folderKeys = folderKeys;
    }

    @Override
    protected int queryForInt(String key) {
        int recorded = super.queryForInt(key);
        if (recorded > 0) {
            return recorded;
        }
        return folderKeys.earlierFormOf(key).map(super::queryForInt).orElse(0);
    }
}
