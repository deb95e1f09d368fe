-- Several nodes on one database. Portable between H2 2.x and PostgreSQL 12+.

-- A stop asked through any node's API reaches the node that runs the import: the node running it
-- looks for this mark (about once a second) and stops at the next chunk boundary.
ALTER TABLE CONTACT_IMPORT ADD COLUMN STOP_REQUESTED_AT TIMESTAMP WITH TIME ZONE;
-- The instance that runs, or last ran, the import (a lease owner ID, <node>/<pid>/<start>/<random>);
-- kept after the lease is handed back, so an ended import still says where it ran.
ALTER TABLE CONTACT_IMPORT ADD COLUMN RUN_BY VARCHAR(200);
CREATE INDEX CONTACT_IMPORT_LEASE_IDX ON CONTACT_IMPORT (LEASE_OWNER);

-- Every running importer (a node), with its heartbeat, every third of importer.lease-ttl. A node
-- stopped gracefully removes its row; a dead node's row goes stale and is pruned after
-- importer.cluster.forget-nodes-after.
CREATE TABLE IMPORTER_NODE (
    ID             VARCHAR(200) NOT NULL PRIMARY KEY,
    NODE_NAME      VARCHAR(200) NOT NULL,
    BASE_URL       VARCHAR(500),
    STARTED_AT     TIMESTAMP WITH TIME ZONE NOT NULL,
    LAST_HEARTBEAT TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Spring Integration's JdbcLockRegistry (DefaultLockRepository, prefix INT_), exactly as the library
-- ships it for H2 and PostgreSQL: the leader election of the nodes holds one row here.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP    NOT NULL,
    EXPIRED_AFTER TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
