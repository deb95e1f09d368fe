// The import page's "Who did what" table (GET /api/imports/{id}/audit), kept apart from import.js so
// that the two change independently.
'use strict';

async function refreshAudit() {
  const id = new URLSearchParams(location.search).get('id');
  const body = document.querySelector('#audit tbody');
  try {
    const entries = await getJson('api/imports/' + encodeURIComponent(id) + '/audit');
    body.innerHTML = entries.length === 0
      ? '<tr><td colspan="4" class="muted">nothing recorded</td></tr>'
      : entries.map(entry => '<tr>'
          + '<td>' + esc(utc(entry.at)) + '</td>'
          + '<td>' + esc(entry.action) + '</td>'
          + '<td>' + esc(entry.actor) + '</td>'
          + '<td>' + esc(entry.detail) + '</td>'
          + '</tr>').join('');
  } catch (e) {
    body.innerHTML = '<tr><td colspan="4" class="muted">' + esc(e.message) + '</td></tr>';
  }
}

refreshAudit();
setInterval(refreshAudit, 5000);
