-- While a running import's next request waits in its thread for the key's quota (at most
-- leadlex.max-wait), until when: the dashboard, the API and the command line show "waiting for quota
-- until ..." instead of "running". NULL when nothing waits; every change of the import's state clears it.
ALTER TABLE CONTACT_IMPORT ADD COLUMN QUOTA_WAIT_UNTIL TIMESTAMP WITH TIME ZONE;
