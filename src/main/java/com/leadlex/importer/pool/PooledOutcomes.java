package com.leadlex.importer.pool;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportResults;

/**
 * What became of each ID a pooled import carried, read from its own results file (written when its
 * execution ended, before its end is announced) and its ledger (the request each chunk went in). A
 * pooled import holds at most one batch (500 IDs), so all of it fits in memory.
 */
record PooledOutcomes(ImportRecord pooled, Map<String, Outcome> byContactId, Map<Integer, String> requestByChunk,
        String notSentReason) {

    /** One ID's line in the pooled import's results. */
    record Outcome(String outcome, String reason, Integer chunk) {
    }

    static PooledOutcomes of(ImportRecord pooled, ImportResults results, ImportChunkRepository chunks) {
        Map<String, Outcome> byContactId = new HashMap<>();
        boolean read = results.read(pooled, in -> {
            var reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String contactId = row.get("contact_id");
                if (contactId.isEmpty() || "duplicate_in_list".equals(row.get("outcome"))) {
                    continue;
                }
                String chunk = row.get("chunk");
                byContactId.put(contactId, new Outcome(row.get("outcome"), row.get("reason"),
                        chunk.isEmpty() ? null : Integer.valueOf(chunk)));
            }
        });
        Map<Integer, String> requests = new HashMap<>();
        for (ChunkRecord chunk : chunks.findByImport(pooled.id())) {
            if (chunk.requestId() != null) {
                requests.put(chunk.chunkNumber(), chunk.requestId());
            }
        }
        String notSent = read ? "not in the results of pooled import " + pooled.id()
                : "pooled import " + pooled.id() + " has no results file yet (" + pooled.status() + ")";
        return new PooledOutcomes(pooled, byContactId, requests, notSent);
    }

    /** For a batch that never became an import: every ID not sent, for {@code reason}. */
    static PooledOutcomes notSent(String reason) {
        return new PooledOutcomes(null, Map.of(), Map.of(), reason);
    }

    Outcome of(String contactId) {
        Outcome known = byContactId.get(contactId);
        return known != null ? known : new Outcome("not_sent", notSentReason, null);
    }

    String requestOf(Integer chunk) {
        return chunk == null ? "" : requestByChunk.getOrDefault(chunk, "");
    }

    String pooledImportId() {
        return pooled == null ? "" : Long.toString(pooled.id());
    }
}
