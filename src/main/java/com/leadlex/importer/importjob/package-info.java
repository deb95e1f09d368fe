/**
 * The Spring Batch job that sends a staged list to LeadLex, 500 IDs a chunk, and everything that
 * launches, pauses, resumes and recovers it, with the meters that count its imports.
 */
package com.leadlex.importer.importjob;
