package com.leadlex.importer.importjob;

import java.util.List;

/**
 * One item of the send step: the ledger chunks of one {@link CommitWindow}, sent as that many requests
 * and booked in one commit, and the window to tell how long they took.
 */
record ChunksToCommit(List<WindowChunk> chunks, CommitWindow window) {
}
