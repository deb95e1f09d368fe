-- Webhook retries recognised per record, not only per delivery: a CRM that retries an envelope may
-- add new records to it (HubSpot batches events, Salesforce resends notifications together), so
-- each record its sender names (HubSpot event ID, Salesforce notification ID, Pipedrive meta ID,
-- Standard Webhooks message ID) is stored once per source, with the event that brought it.
-- Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE WEBHOOK_RECORD (
    SOURCE_NAME VARCHAR(100) NOT NULL,
    RECORD_ID   VARCHAR(200) NOT NULL,
    EVENT_ID    BIGINT       NOT NULL REFERENCES WEBHOOK_EVENT (ID),
    CONSTRAINT WEBHOOK_RECORD_PK PRIMARY KEY (SOURCE_NAME, RECORD_ID)
);

CREATE INDEX WEBHOOK_RECORD_EVENT_IDX ON WEBHOOK_RECORD (EVENT_ID);
