package com.leadlex.importer.notify;

import java.util.Map;

/**
 * One message about one change of state.
 *
 * @param key     the change's identity (e.g. {@code import:7:execution:12:FAILED}): the outbox keeps one
 *                message per key and channel, so the same change is never told twice
 * @param kind    {@code import_failed}, {@code import_paused}, {@code import_completed_with_rejects},
 *                {@code source_failing}, {@code source_recovered}, {@code file_rejected}
 * @param subject a one-line title (the e-mail's subject)
 * @param text    the message in words, with what to do
 * @param fields  the structured facts (import ID, status, campaign, list, counts, reason, action)
 */
public record Notification(String key, String kind, String subject, String text, Map<String, Object> fields) {
}
