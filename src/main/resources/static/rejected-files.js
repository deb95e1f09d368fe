// The dashboard's "Rejected files" table: every list a source could not read (GET /api/rejected-files),
// kept apart from dashboard.js so that the two change independently.
'use strict';

async function refreshRejectedFiles() {
  const body = document.querySelector('#rejected-files tbody');
  try {
    const files = await getJson('api/rejected-files?size=20');
    body.innerHTML = files.length === 0
      ? '<tr><td colspan="6" class="muted">none</td></tr>'
      : files.map(file => '<tr>'
          + '<td>' + esc(utc(file.rejectedAt)) + '</td>'
          + '<td>' + esc(file.source) + '</td>'
          + '<td>' + esc(file.fileName) + '</td>'
          + '<td>' + esc(file.campaignId) + '</td>'
          + '<td>' + esc(file.reason) + '</td>'
          + '<td class="muted small">' + esc(file.reportLocation) + '</td>'
          + '</tr>').join('');
  } catch (e) {
    body.innerHTML = '<tr><td colspan="6" class="muted">' + esc(e.message) + '</td></tr>';
  }
}

refreshRejectedFiles();
setInterval(refreshRejectedFiles, 5000);
