-- Several nodes on one database, no shared disk (issue 12): whatever an import needs to go on lives
-- in the database, so any node can run, finish or report any import. A node's import directory
-- (<data-dir>/imports/<name>) is only a working copy that it rebuilds from here when it is missing.
-- Portable between H2 2.x and PostgreSQL 12+.

-- An import's files, keyed by the import directory's name: the staged files (spool.txt, spool.lines,
-- rejects.csv, duplicates.csv), stored before intake answers, and results.csv, stored each time it is
-- written. One row per version of a file: 'writing' while its parts go in, 'stored' once the whole
-- file is there (the files stored together turn 'stored' in one transaction), 'deleting' while its
-- parts go out. A row left 'writing' or 'deleting' by a crash is finished off by the retention
-- cleaner. Parts go in and out in small transactions: neither side holds a whole file in memory
-- (H2 keeps a transaction's rows in memory until it ends).
CREATE TABLE IMPORT_FILE (
    CONTENT_ID   VARCHAR(36)  NOT NULL PRIMARY KEY,
    STAGING_DIR  VARCHAR(200) NOT NULL,
    FILE_NAME    VARCHAR(100) NOT NULL,
    STATE        VARCHAR(10)  NOT NULL,
    PARTS        INT,
    STORED_BYTES BIGINT,
    STORED_AT    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IMPORT_FILE_NAME_IDX ON IMPORT_FILE (STAGING_DIR, FILE_NAME, STATE);
CREATE INDEX IMPORT_FILE_STATE_IDX ON IMPORT_FILE (STATE, STORED_AT);

-- A file's content: one gzip stream cut into parts of about 1 MB.
CREATE TABLE IMPORT_FILE_PART (
    CONTENT_ID  VARCHAR(36) NOT NULL REFERENCES IMPORT_FILE (CONTENT_ID),
    PART_NUMBER INT         NOT NULL,
    BYTES       BYTEA       NOT NULL,
    CONSTRAINT IMPORT_FILE_PART_PK PRIMARY KEY (CONTENT_ID, PART_NUMBER)
);

-- What LeadLex answered for each ID of a chunk (added IDs, refused IDs with the reason), booked with
-- the chunk itself instead of in a file beside the spool. Chunks booked before this version have
-- their outcome in <import directory>/outcomes/chunk-NNNNNN.csv, which is still read.
ALTER TABLE IMPORT_CHUNK ADD COLUMN OUTCOME TEXT;

-- When the staged IDs of an ended import were removed (importer.staging.retention after it ended,
-- once its results were stored); such an import can no longer be restarted.
ALTER TABLE CONTACT_IMPORT ADD COLUMN STAGED_IDS_REMOVED_AT TIMESTAMP WITH TIME ZONE;

-- STAGING_DIR held the absolute path on the node that staged the list; every node now resolves the
-- directory's name under its own importer.data-dir, so only the name is kept.
UPDATE CONTACT_IMPORT SET STAGING_DIR = REGEXP_REPLACE(STAGING_DIR, '^.*[/\\]', '');

CREATE INDEX CONTACT_IMPORT_STAGING_DIR_IDX ON CONTACT_IMPORT (STAGING_DIR);
