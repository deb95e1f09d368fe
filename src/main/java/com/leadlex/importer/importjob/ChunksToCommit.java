package com.leadlex.importer.importjob;

import java.util.List;

/**
 * One item of the send step: the ledger chunks of one {@link CommitWindow}, sent as that many requests
 * and booked in one commit.
 */
record ChunksToCommit(List<WindowChunk> chunks) {
}
