package com.leadlex.importer.contacts;

/**
 * What asking for a fresh directory came to.
 *
 * @param exportCalls export calls this node made for it (0 when a refresh that started late enough had
 *                    already been done, by this node or another)
 * @param rows        export rows those calls brought
 */
public record RefreshResult(int exportCalls, int rows) {

    static final RefreshResult ALREADY_FRESH = new RefreshResult(0, 0);
}
