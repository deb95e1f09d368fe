-- One quota per key for every node on the database: a node reserves a request's slot while it holds
-- the key's QUOTA_KEY row (SELECT ... FOR UPDATE), so what the key's rows say is what all nodes go by.
-- Two facts that lived in each process's memory move into that row:
--  GRANTED          slots granted on the key so far, by any node: a slot's sequence number. When
--                   LeadLex answers a request, the slots granted after it (GRANTED minus its number)
--                   may not be in its X-RateLimit-Remaining yet, so they are taken off it, whichever
--                   node holds them.
--  ONE_REQUEST_NOW  an operator's "resume now" lets the key's next request out whatever the counts
--                   say; the import may run on another node than the one that was asked.
-- Portable between H2 2.x and PostgreSQL 12+.

ALTER TABLE QUOTA_KEY ADD COLUMN GRANTED BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE QUOTA_KEY ADD COLUMN ONE_REQUEST_NOW BOOLEAN DEFAULT FALSE NOT NULL;
