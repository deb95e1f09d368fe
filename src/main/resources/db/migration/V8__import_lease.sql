-- One owner per import: the process that runs it holds a lease (its instance ID, renewed every third
-- of importer.lease-ttl). Recovery and restart take only an import whose lease has expired, or whose
-- owner is provably gone (same node, process no longer alive), so a live node's import never runs twice.
-- (V6 and V7 are left to another line of work.)
ALTER TABLE CONTACT_IMPORT ADD COLUMN LEASE_OWNER VARCHAR(200);
ALTER TABLE CONTACT_IMPORT ADD COLUMN LEASE_EXPIRES_AT TIMESTAMP WITH TIME ZONE;
