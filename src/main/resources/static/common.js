// Shared by the dashboard pages: fetching JSON, formatting times in UTC, and saying what to do.
'use strict';

async function getJson(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(path + ' answered ' + response.status);
  }
  return response.json();
}

async function post(path, body) {
  const response = await fetch(path, {method: 'POST', body: body});
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
  return {ok: response.ok, status: response.status, json: json, text: text};
}

function utc(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC' : '';
}

function hhmm(iso) {
  return iso ? iso.substring(11, 16) + ' UTC' : '';
}

// "Thu 26 Nov 10:00", as HumanTime writes instants on the server (always UTC).
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayAndTime(iso, withSeconds) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return DAYS[d.getUTCDay()] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' '
    + iso.substring(11, withSeconds ? 19 : 16);
}

// A later moment of the same UTC day as its time only ("10:00:01"), of another day in full.
function timeAfter(earlierIso, laterIso) {
  return earlierIso && earlierIso.substring(0, 10) === laterIso.substring(0, 10) ? laterIso.substring(11, 19)
    : dayAndTime(laterIso, true);
}

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// The state in words, as the server writes it ("waiting for quota until 18:06:00 UTC", "paused until
// Wed 2 Dec 00:00 UTC"): one formatter, on the server's clock, for the dashboard, the API and the CLI.
function statusText(item) {
  return item.statusText || item.status.toLowerCase().replace('_', ' ');
}


// The failure in plain words, with what to do when the message does not say it already.
const ACTIONS = {
  internal_error: 'See the log lines marked [import ID] for the cause, then restart the import.',
  launch_failed: 'See the log for the cause, then upload the list again.',
  interrupted: 'Restart the import: it goes on from its last committed chunk.',
  stopped: 'Restart the import when you want it to go on.',
  quota_exhausted: 'Nothing to do: it resumes by itself when the quota resets. If the key\'s quota was raised, '
    + '"Resume now" lets LeadLex say so (or stop it).',
  importer_not_ready: 'Nothing to do: the importer was starting or stopping; it goes on by itself.'
};

// A pause (for quota, or while the importer starts) is a state, not an error: its reason is a quiet note;
// so is what a pooled small list waits for (its campaign's pool, or the pooled import that carries it).
function noteText(item) {
  return item.lastError && (item.status === 'PAUSED' || item.status === 'POOLED') ? item.lastError : null;
}

function failureText(item) {
  if (!item.lastError || item.status === 'COMPLETED' || item.status === 'ALREADY_IMPORTED'
      || item.status === 'PAUSED' || item.status === 'POOLED') {
    return null;
  }
  const action = ACTIONS[item.lastErrorCode];
  return item.lastError.includes('What to do') || !action ? item.lastError : item.lastError + ' — ' + action;
}

function isActive(item) {
  return item.status === 'RUNNING' || item.status === 'QUEUED';
}

// The node running the import (or that ran it last), from its lease: several importers may share one database.
function nodeText(item) {
  return item.node ? (isActive(item) ? 'on ' : 'ran on ') + item.node : '';
}

function progressBar(item) {
  const percent = item.chunksTotal ? Math.round(100 * item.chunksDone / item.chunksTotal) : 0;
  return '<span class="progress"><span style="width:' + percent + '%"></span></span> '
    + '<span class="progress-text" id="progress-' + item.id + '">' + item.chunksDone + ' / ' + item.chunksTotal
    + ' chunks</span>';
}

// The estimated end, under the progress bar, while the import is unfinished.
function etaLine(item) {
  return item.etaText ? '<span class="eta" id="eta-' + item.id + '">' + esc(item.etaText) + '</span>' : '';
}

function actionButtons(item) {
  const buttons = [];
  if (item.status === 'RUNNING' || item.status === 'QUEUED' || item.status === 'PAUSED') {
    buttons.push('<button data-op="stop" data-id="' + item.id + '">Stop</button>');
  }
  if (item.status === 'PAUSED') {
    // sends its next request at once: LeadLex's answer says whether the quota is really there
    buttons.push('<button data-op="resume" data-id="' + item.id + '" title="Send the next request now; '
      + 'if LeadLex still has no quota, it pauses again until the time LeadLex gives">Resume now</button>');
  }
  if (item.status === 'FAILED' || item.status === 'STOPPED' || item.status === 'PAUSED') {
    buttons.push('<button data-op="restart" data-id="' + item.id + '">Restart</button>');
  }
  return buttons.join(' ');
}

async function runOperation(button) {
  const result = await post('api/imports/' + button.dataset.id + '/' + button.dataset.op);
  if (!result.ok) {
    alert((result.json && (result.json.message || result.json.detail)) || result.text);
  }
}

// Refreshes every second while something runs, every ten seconds otherwise.
function refreshLoop(load) {
  const tick = async () => {
    let active = false;
    try {
      active = await load();
      document.getElementById('refreshed').textContent = 'updated ' + new Date().toISOString().substring(11, 19)
        + ' UTC' + (active ? ' · refreshing every second' : '');
    } catch (e) {
      document.getElementById('refreshed').textContent = 'could not refresh: ' + e.message;
    }
    setTimeout(tick, active ? 1000 : 10000);
  };
  tick();
}
