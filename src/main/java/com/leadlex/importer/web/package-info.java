/**
 * The operator surface over HTTP: the REST API (read, upload, dry run, stop, restart, result files,
 * quota; described at {@code /v3/api-docs}) and the dashboard, plain HTML/CSS/JS served from
 * {@code src/main/resources/static} with no build step. Access rules live in
 * {@link com.leadlex.importer.system.OperatorSecurityConfiguration}.
 */
package com.leadlex.importer.web;
