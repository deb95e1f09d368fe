/**
 * Notifications: one message per change of state (an import failed, paused on quota, completed with
 * rejected rows; a source failing, recovered, or rejecting a file) to a Slack-compatible webhook
 * and/or e-mail. Messages go through an outbox table first, so they survive a crash and go out once
 * even with several nodes. This package sits at the edge: it listens to events defined lower down
 * and nothing depends on it.
 */
package com.leadlex.importer.notify;
