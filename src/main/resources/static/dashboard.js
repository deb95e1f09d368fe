// The dashboard's front page: imports, the key's quota, and the upload / dry-run form.
'use strict';

const IMPORT_COLUMNS = 12;

// A failure or note under its import, across the row: it wraps to the table's width and never widens it.
function messageRow(kind, text) {
  return '<tr class="' + kind + '"><td></td><td colspan="' + (IMPORT_COLUMNS - 1) + '"><div class="across">'
    + esc(text) + '</div></td></tr>';
}

// A campaign ID breaks after its underscores and dashes first, so a long one takes lines, not width.
function breakableId(id) {
  return esc(id).replace(/([_-])/g, '$1<wbr>');
}

// "Thu 26 Nov 10:00" on one line where there is room, else the day over the time, never split elsewhere.
function dayOverTime(iso) {
  const text = dayAndTime(iso);
  const lastSpace = text.lastIndexOf(' ');
  return lastSpace < 0 ? text
    : text.substring(0, lastSpace).replace(/ /g, '\u00a0') + ' ' + text.substring(lastSpace + 1);
}

async function loadImports() {
  const imports = await getJson('api/imports?limit=100');
  const rows = imports.map(item => {
    const failure = failureText(item);
    const note = noteText(item);
    const row = '<tr data-import-id="' + item.id + '" data-status="' + item.status + '">'
      + '<td><a href="import.html?id=' + item.id + '">' + item.id + '</a></td>'
      + '<td class="list">' + esc(item.fileName) + '<span class="muted small">' + esc(item.source) + '</span></td>'
      + '<td class="campaign">' + breakableId(item.campaignId) + '</td>'
      + '<td class="state"><span class="badge ' + item.status + '" id="status-' + item.id + '">'
      + esc(statusText(item)) + '</span>'
      + (item.node ? '<span class="node muted small" id="node-' + item.id + '">' + esc(nodeText(item)) + '</span>' : '')
      + '</td>'
      + '<td class="progress-cell">' + progressBar(item) + etaLine(item) + '</td>'
      + '<td class="num added">' + item.added + '</td><td class="num">' + item.alreadyEnrolled + '</td>'
      + '<td class="num">' + item.invalidRows + '</td><td class="num">' + item.duplicateRows + '</td>'
      + '<td class="time">' + dayOverTime(item.createdAt) + '</td><td class="time">' + dayOverTime(item.finishedAt)
      + '</td><td class="actions">' + actionButtons(item) + '</td></tr>';
    const below = failure ? messageRow('failure', failure) : note ? messageRow('note', note) : '';
    return row + below;
  });
  document.querySelector('#imports tbody').innerHTML = rows.length ? rows.join('')
    : '<tr><td colspan="' + IMPORT_COLUMNS + '" class="muted">No imports yet: drop a list into inbox/&lt;campaign&gt;/ '
      + 'or use the form below.</td></tr>';
  return imports.some(isActive);
}

function windowCell(left, limit, used) {
  if (left === null || left === undefined) {
    return '<b>unlimited</b><span class="muted">' + used + ' used</span>';
  }
  return '<b>' + left + ' left</b><span class="muted">' + used + ' used' + (limit ? ' of ' + limit : '') + '</span>';
}

async function loadQuota() {
  const quota = await getJson('api/quota');
  const body = document.getElementById('quota-body');
  if (!quota.keys.length) {
    body.innerHTML = '<span class="message error">No API key configured: set LEADLEX_API_KEY.</span>';
    return;
  }
  const last = quota.lastSeen;
  const seen = !last ? 'LeadLex not called since start-up'
    : 'LeadLex last answered ' + (last.status || 'nothing (unreachable)') + ' at ' + utc(last.at)
      + (last.status === 401 ? ' — the key is invalid or expired: set LEADLEX_API_KEY to a valid key' : '')
      + (last.status === 403 ? ' — the key lacks campaigns:write: create a key with that permission' : '');
  body.innerHTML = quota.keys.map(key => '<div class="quota-grid">'
    + '<div>Key<b id="quota-key">' + esc(key.key) + '</b></div>'
    + '<div>This minute' + windowCell(key.leftThisMinute, key.limits.perMinute, key.usedThisMinute) + '</div>'
    + '<div>Today (UTC)' + windowCell(key.leftToday, key.limits.perDay, key.usedToday) + '</div>'
    + '<div>Next reset<b>' + hhmm(key.leftToday === 0 ? key.dayResetsAt : key.minuteResetsAt) + '</b>'
    + (key.blockedUntil ? '<span class="muted">Retry-After until ' + dayAndTime(key.blockedUntil) + ' UTC</span>'
      : '') + '</div>'
    + '</div>').join('') + '<p class="muted">' + esc(seen) + '</p>';
}

function showDryRun(report) {
  return 'Dry run of ' + report.fileName + ' for ' + report.campaignId + ' (nothing sent to LeadLex):\n'
    + report.valid + ' valid, ' + report.invalid + ' invalid, ' + report.duplicates + ' duplicates ('
    + report.rowsRead + ' rows)\n' + report.requests + ' request(s); ' + report.estimate
    + (report.alreadyImportedBy ? '\nAlready imported by import ' + report.alreadyImportedBy
      + ': importing it again sends nothing unless forced.' : '')
    + (report.firstRejects.length ? '\nInvalid rows:\n  ' + report.firstRejects.join('\n  ') : '');
}

async function submitList(event) {
  event.preventDefault();
  const form = event.target;
  const action = event.submitter ? event.submitter.dataset.action : 'import';
  const data = new FormData(form);
  if (action === 'dry-run') {
    data.delete('force');
  }
  const result = await post(action === 'dry-run' ? 'api/imports/dry-run' : 'api/imports', data);
  const out = document.getElementById('upload-result');
  if (!result.ok) {
    out.innerHTML = '<div class="message error">' + esc((result.json && result.json.detail) || result.text) + '</div>';
    return;
  }
  out.innerHTML = '<div class="message ok" id="dry-run-report">' + esc(action === 'dry-run' ? showDryRun(result.json)
    : 'Import ' + result.json.importId + ': ' + result.json.disposition.toLowerCase().replace('_', ' ')) + '</div>';
  loadImports();
}

document.getElementById('upload').addEventListener('submit', submitList);
document.getElementById('imports').addEventListener('click', event => {
  if (event.target.dataset.op) {
    runOperation(event.target).then(loadImports);
  }
});
refreshLoop(async () => {
  const [active] = await Promise.all([loadImports(), loadQuota()]);
  return active;
});
