-- The quota each API key has used, kept in the database rather than in one process's memory, so a
-- restart of the server, or a one-shot command run after it on the same database, never sends more
-- than the minute's or the day's quota. Keys appear only as the SHA-256 of the key (and masked).
-- A row per key and window, changed in a transaction of its own: the "Several nodes" work can
-- reserve in the same rows (SELECT ... FOR UPDATE) to share one quota between nodes.
-- Portable between H2 2.x and PostgreSQL 12+.

-- Requests counted per epoch-aligned minute and per UTC day, as LeadLex counts them. A request is
-- counted when its slot is granted, before it is sent: a crash between the two over-counts by one,
-- never under-counts. Minute rows older than the current minute are deleted when a key is loaded.
CREATE TABLE QUOTA_WINDOW (
    KEY_HASH     VARCHAR(64) NOT NULL,
    -- MINUTE or DAY
    WINDOW_KIND  VARCHAR(10) NOT NULL,
    WINDOW_START TIMESTAMP WITH TIME ZONE NOT NULL,
    USED         INT         NOT NULL,
    UPDATED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (KEY_HASH, WINDOW_KIND, WINDOW_START)
);

-- LeadLex's own word on a key: its latest X-RateLimit-Limit / -Remaining / -Reset and a Retry-After
-- block in force, and the limits the importer was configured with when it last wrote the row (when
-- they were raised since, the server's earlier "remaining" was spoken under the old plan).
CREATE TABLE QUOTA_KEY (
    KEY_HASH                  VARCHAR(64) NOT NULL PRIMARY KEY,
    KEY_MASK                  VARCHAR(40) NOT NULL,
    CONFIGURED_PER_MINUTE     INT         NOT NULL,
    CONFIGURED_PER_DAY        INT         NOT NULL,
    SERVER_LIMIT_PER_MINUTE   INT         NOT NULL,
    SERVER_LIMIT_PER_DAY      INT         NOT NULL,
    SERVER_REMAINING          INT,
    SERVER_RESET_AT           TIMESTAMP WITH TIME ZONE,
    BLOCKED_UNTIL             TIMESTAMP WITH TIME ZONE,
    UPDATED_AT                TIMESTAMP WITH TIME ZONE NOT NULL
);
