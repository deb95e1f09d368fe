/** The LeadLex API client: requests, error types, retries and the per-key quota gate. */
package com.leadlex.importer.leadlex;
