-- Small lists pooled per campaign (issue 16): a list with fewer valid IDs than importer.pool.below
-- keeps its own CONTACT_IMPORT row (status POOLED) and puts its IDs beside the webhooks' pending
-- IDs of the same campaign, so that one request carries them all. WEBHOOK_CONTACT is that pool: a
-- row came either from a webhook event (EVENT_ID) or from a list (LIST_IMPORT_ID, the list's own
-- import), never both; WEBHOOK_BATCH.IMPORT_ID is then the pooled import that sent it.
-- Portable between H2 2.x and PostgreSQL 12+.

ALTER TABLE WEBHOOK_CONTACT ALTER COLUMN EVENT_ID DROP NOT NULL;
ALTER TABLE WEBHOOK_CONTACT ADD COLUMN LIST_IMPORT_ID BIGINT;
ALTER TABLE WEBHOOK_CONTACT ADD CONSTRAINT WEBHOOK_CONTACT_LIST_FK FOREIGN KEY (LIST_IMPORT_ID)
    REFERENCES CONTACT_IMPORT (ID);
CREATE INDEX WEBHOOK_CONTACT_LIST_IDX ON WEBHOOK_CONTACT (LIST_IMPORT_ID);

-- What became of a pooled list's IDs, written when it follows its pooled import's end: a pooled list has
-- no chunks of its own, so the API's counts come from here (its results file has them per ID).
CREATE TABLE POOLED_LIST (
    IMPORT_ID        BIGINT       NOT NULL PRIMARY KEY REFERENCES CONTACT_IMPORT (ID),
    POOLED_IMPORT_ID BIGINT       NOT NULL REFERENCES CONTACT_IMPORT (ID),
    ADDED            BIGINT       NOT NULL,
    ALREADY_ENROLLED BIGINT       NOT NULL,
    REFUSED          BIGINT       NOT NULL,
    REQUESTS         INT          NOT NULL,
    UPDATED_AT       TIMESTAMP WITH TIME ZONE NOT NULL
);
