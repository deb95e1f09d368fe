-- Files the source routes have taken (Camel's JdbcMessageIdRepository, with our table name and a
-- longer key): a file is not imported twice across restarts or by two instances.
-- Portable between H2 2.x and PostgreSQL 12+; the unquoted column names are the ones Camel queries.

CREATE TABLE SOURCE_FILE_SEEN (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1000) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
