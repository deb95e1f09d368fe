-- Sticky knowledge that some attempt at a chunk may have reached LeadLex (sent, in flight at a crash,
-- timed out, 5xx, or an unreadable 2xx). A later attempt at that chunk is then booked 'resent', even if
-- a pause or another failure overwrote the chunk's status in between.
ALTER TABLE IMPORT_CHUNK ADD COLUMN MAY_HAVE_REACHED BOOLEAN DEFAULT FALSE NOT NULL;
