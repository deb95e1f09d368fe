// One import: its summary, a chart of contacts and requests over time, and its chunk ledger.
'use strict';

const importId = new URLSearchParams(location.search).get('id');

function drawChart(svg, points, color) {
  const width = 420, height = 180, left = 40, bottom = 20;
  if (points.length === 0) {
    svg.innerHTML = '<text x="150" y="90">no chunk sent yet</text>';
    return;
  }
  const t0 = points[0].t, t1 = Math.max(points[points.length - 1].t, t0 + 1000);
  const max = Math.max(points[points.length - 1].v, 1);
  const x = t => left + (width - left - 10) * (t - t0) / (t1 - t0);
  const y = v => height - bottom - (height - bottom - 10) * v / max;
  const line = [[t0, 0]].concat(points.map(p => [p.t, p.v])).map(p => x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1));
  svg.innerHTML = '<polyline stroke="' + color + '" points="' + line.join(' ') + '"/>'
    + '<text x="2" y="14">' + max + '</text><text x="2" y="' + (height - bottom) + '">0</text>'
    + '<text x="' + left + '" y="' + (height - 5) + '">' + new Date(t0).toISOString().substring(11, 19) + '</text>'
    + '<text x="' + (width - 60) + '" y="' + (height - 5) + '">' + new Date(t1).toISOString().substring(11, 19) + '</text>';
}

function charts(chunks) {
  const done = chunks.filter(c => c.finishedAt).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  let contacts = 0, requests = 0;
  const contactPoints = [], requestPoints = [];
  done.forEach(c => {
    const t = Date.parse(c.finishedAt);
    contacts += (c.added || 0) + (c.skipped || 0);
    requests += c.attempts;
    contactPoints.push({t: t, v: contacts});
    requestPoints.push({t: t, v: requests});
  });
  drawChart(document.getElementById('chart-contacts'), contactPoints, '#16a34a');
  drawChart(document.getElementById('chart-requests'), requestPoints, '#2563eb');
}

function summary(item) {
  const failure = failureText(item);
  const note = noteText(item);
  // the results file is written when an execution ends: before that, there is nothing to download
  const results = item.resultsFile
    ? '<a id="results-link" href="api/imports/' + item.id + '/results.csv">results.csv</a>'
    : '<span class="muted" id="results-pending">results.csv once this run stops, pauses or ends</span>';
  document.getElementById('title').textContent = 'Import ' + item.id;
  document.getElementById('summary').innerHTML = '<h2>Import ' + item.id + ': ' + esc(item.fileName)
    + ' → ' + esc(item.campaignId) + ' <span class="badge ' + item.status + '" id="status">' + esc(statusText(item))
    + '</span></h2>'
    + '<p>' + progressBar(item) + ' · ' + item.requests + ' request(s) made, ' + item.requestsLeft + ' to go'
    + ' · source ' + esc(item.source) + (item.node ? ' · <span id="node">' + esc(nodeText(item)) + '</span>' : '')
    + ' · started ' + utc(item.createdAt)
    + (item.finishedAt ? ' · finished ' + utc(item.finishedAt) : '') + etaLine(item) + '</p>'
    + '<p id="counts"><b class="added">' + item.added + '</b> added · <b>' + item.alreadyEnrolled
    + '</b> already enrolled · <b>' + item.invalidRows + '</b> invalid · <b>' + item.duplicateRows
    + '</b> duplicates' + (item.refused ? ' · <b>' + item.refused + '</b> refused by LeadLex' : '')
    + ' · ' + item.rowsRead + ' rows read</p>'
    + (failure ? '<div class="message error" id="failure">' + esc(failure) + '</div>' : '')
    + (note ? '<p class="muted" id="note">' + esc(note) + '</p>' : '')
    + '<p>' + actionButtons(item) + ' ' + results + ' · '
    + '<a href="api/imports/' + item.id + '/rejected.csv">rejected rows (fix, then drop into inbox/'
    + esc(item.campaignId) + '/)</a></p>';
}

function ledger(chunks) {
  document.querySelector('#chunks tbody').innerHTML = chunks.map(c => '<tr data-chunk="' + c.chunkNumber + '">'
    + '<td>' + c.chunkNumber + '</td><td>' + c.firstLine + '–' + c.lastLine + '</td><td class="num">' + c.idCount
    + '</td><td class="num">' + (c.added === null ? '' : c.added) + '</td><td class="num">'
    + (c.skipped === null ? '' : c.skipped) + '</td><td class="num">' + c.attempts + '</td><td>'
    + (c.httpStatus || '') + '</td><td class="request-id">' + esc(c.requestId) + '</td><td>' + esc(c.status)
    + '</td><td>' + dayAndTime(c.startedAt, true) + (c.finishedAt ? ' → ' + timeAfter(c.startedAt, c.finishedAt) : '')
    + '</td><td>' + esc(c.error) + '</td></tr>').join('');
}

document.getElementById('summary').addEventListener('click', event => {
  if (event.target.dataset.op) {
    runOperation(event.target);
  }
});
refreshLoop(async () => {
  const [item, chunks] = await Promise.all([getJson('api/imports/' + importId),
    getJson('api/imports/' + importId + '/chunks')]);
  summary(item);
  ledger(chunks);
  charts(chunks);
  return isActive(item);
});
