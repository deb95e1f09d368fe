// The dashboard's "Nodes" table: the importers sharing this database (GET /api/nodes), which one
// leads, and the imports each holds; kept apart from dashboard.js so that the two change independently.
'use strict';

function nodeState(node) {
  const state = node.alive ? (node.leader ? 'leader' : 'alive') : 'silent';
  return '<span class="badge ' + (node.alive ? 'COMPLETED' : 'FAILED') + '">' + state + '</span>'
    + (node.thisNode ? ' <span class="muted small">this node</span>' : '');
}

async function refreshNodes() {
  const body = document.querySelector('#nodes tbody');
  try {
    const nodes = await getJson('api/nodes');
    body.innerHTML = nodes.map(node => '<tr data-node="' + esc(node.name) + '">'
        + '<td title="' + esc(node.id) + '">' + esc(node.name) + '</td>'
        + '<td>' + nodeState(node) + '</td>'
        + '<td class="time">' + (node.lastHeartbeat ? dayAndTime(node.lastHeartbeat, true) : '—') + '</td>'
        + '<td>' + (node.imports.length ? node.imports.map(id => '<a href="import.html?id=' + id + '">' + id + '</a>')
          .join(', ') : '<span class="muted">nothing</span>') + '</td>'
        + '<td class="muted small">' + esc(node.baseUrl) + '</td>'
        + '</tr>').join('');
  } catch (e) {
    body.innerHTML = '<tr><td colspan="5" class="muted">' + esc(e.message) + '</td></tr>';
  }
}

refreshNodes();
setInterval(refreshNodes, 5000);
