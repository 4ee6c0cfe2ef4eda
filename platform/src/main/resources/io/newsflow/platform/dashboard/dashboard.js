// Polls /api/overview and draws it. Charts are created once and updated in place.
// Polls /stories (the aggregate's story queries) for the story panel, and /stories/{id} for the open story.
// Story text (headlines, titles, sources, entities, URLs) is untrusted input: it only ever reaches the page
// as text (textContent, never innerHTML) and as a link only when it is an http(s) URL.
'use strict';

const REFRESH_MS = Number(new URLSearchParams(location.search).get('refresh')) || 2000;
const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];
const charts = {};
const lagRows = new Map(); // group|topic|partition → {tr, spark}

Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

function clock(ms) {
  return new Date(ms).toLocaleTimeString([], {hour12: false});
}

function lineChart(id, yTitle) {
  return new Chart(document.getElementById(id), {
    type: 'line',
    data: {labels: [], datasets: []},
    options: {
      spanGaps: true,
      elements: {point: {radius: 0}, line: {borderWidth: 2, tension: 0.2}},
      scales: {x: {ticks: {maxTicksLimit: 6}}, y: {beginAtZero: true, title: {display: !!yTitle, text: yTitle}}},
      plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}},
    },
  });
}

function setSeries(chart, labels, series) {
  chart.data.labels = labels;
  chart.data.datasets = series.map((s, i) => ({
    label: s.label, data: s.data,
    borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
  }));
  chart.update();
}

function sparkline(canvas) {
  return new Chart(canvas, {
    type: 'line',
    data: {labels: [], datasets: [{data: [], borderColor: COLORS[0], borderWidth: 1.5, fill: false}]},
    options: {
      responsive: false, spanGaps: true, elements: {point: {radius: 0}},
      scales: {x: {display: false}, y: {display: false, beginAtZero: true}},
      plugins: {legend: {display: false}, tooltip: {enabled: false}},
    },
  });
}

function text(el, value) {
  if (el.textContent !== String(value)) el.textContent = value;
}

function renderHealth(health) {
  const overall = document.getElementById('overall');
  overall.textContent = health.ready ? 'ready' : 'not ready';
  overall.className = 'badge ' + (health.ready ? 'ok' : 'bad');
  const list = document.getElementById('health');
  list.replaceChildren();
  const rows = [{name: 'process', state: health.live ? 'UP' : 'DOWN'}].concat(health.services);
  for (const s of rows) {
    const li = document.createElement('li');
    li.dataset.service = s.name;
    const name = document.createElement('span');
    name.textContent = s.name;
    const state = document.createElement('span');
    state.className = 'state ' + s.state;
    state.textContent = s.state;
    li.append(name, state);
    list.append(li);
  }
}

function renderLag(doc, labels) {
  const body = document.querySelector('#lag-table tbody');
  const seen = new Set();
  for (const row of doc.lag) {
    const key = row.group + '|' + row.topic + '|' + row.partition;
    seen.add(key);
    let entry = lagRows.get(key);
    if (!entry) {
      const tr = document.createElement('tr');
      tr.className = 'lag-row';
      tr.dataset.group = row.group;
      tr.dataset.topic = row.topic;
      tr.dataset.partition = row.partition;
      tr.innerHTML = '<td class="group"></td><td class="topic"></td><td class="partition num"></td>'
          + '<td class="records num"></td><td class="seconds num"></td><td><canvas class="spark" width="160" height="28"></canvas></td>';
      text(tr.querySelector('.group'), row.group);
      text(tr.querySelector('.topic'), row.topic);
      text(tr.querySelector('.partition'), row.partition);
      body.append(tr);
      entry = {tr, spark: sparkline(tr.querySelector('canvas'))};
      lagRows.set(key, entry);
    }
    text(entry.tr.querySelector('.records'), row.records);
    text(entry.tr.querySelector('.seconds'), row.seconds.toFixed(1));
    entry.spark.data.labels = labels;
    entry.spark.data.datasets[0].data = row.history;
    entry.spark.update();
  }
  for (const [key, entry] of [...lagRows]) {
    if (!seen.has(key)) {
      entry.spark.destroy();
      entry.tr.remove();
      lagRows.delete(key);
    }
  }
  document.getElementById('lag-empty').hidden = doc.lag.length > 0;

  // Total lag per group over time.
  const groups = new Map();
  for (const row of doc.lag) {
    const sum = groups.get(row.group) || labels.map(() => 0);
    row.history.forEach((v, i) => { sum[i] += v == null ? 0 : v; });
    groups.set(row.group, sum);
  }
  setSeries(charts.lag, labels, [...groups].map(([g, data]) => ({label: g, data})));
}

function renderDeadLetters(doc) {
  text(document.getElementById('deadletters-total'), doc.deadLetters.total);
  const body = document.querySelector('#deadletter-table tbody');
  body.replaceChildren();
  for (const r of doc.deadLetters.byReason) {
    const tr = document.createElement('tr');
    for (const [cls, v] of [['', r.stage], ['', r.reason], ['num', r.count]]) {
      const td = document.createElement('td');
      td.className = cls;
      td.textContent = v;
      tr.append(td);
    }
    body.append(tr);
  }
}

function renderStageTotals(stages) {
  const box = document.getElementById('stage-totals');
  box.replaceChildren('articles since start: ');
  stages.forEach((s, i) => {
    const span = document.createElement('span');
    span.className = 'stage-total';
    span.dataset.stage = s.stage;
    span.textContent = s.stage + ' ' + s.total;
    box.append(i ? ' · ' : '', span);
  });
}

function renderLatency(latency) {
  const names = {assignment: 'assignment decision', endToEndFromIngest: 'ingest → story event',
    endToEndFromPublication: 'publication → story event'};
  const body = document.querySelector('#latency tbody');
  body.replaceChildren();
  for (const [key, label] of Object.entries(names)) {
    const t = latency[key];
    if (!t) continue;
    const tr = document.createElement('tr');
    tr.dataset.latency = key;
    const ms = v => v >= 10000 ? (v / 1000).toFixed(0) + ' s' : v.toFixed(2) + ' ms';
    tr.innerHTML = '<td></td><td class="num"></td>';
    tr.children[0].textContent = label;
    tr.children[1].textContent = t.count ? 'mean ' + ms(t.meanMs) + ' · max ' + ms(t.maxMs) : 'none yet';
    body.append(tr);
  }
}

function render(doc) {
  const labels = doc.times.map(clock);
  renderHealth(doc.health);
  renderLag(doc, labels);
  setSeries(charts.throughput, labels, doc.stages.map(s => ({label: s.stage, data: s.perSecond})));
  setSeries(charts.deadletters, labels, [{label: 'dead letters', data: doc.deadLetters.history}]);
  setSeries(charts.stories, labels, [{label: 'active stories', data: doc.stories.history}]);
  renderDeadLetters(doc);
  renderStageTotals(doc.stages);
  text(document.getElementById('stories-active'), doc.stories.active);
  text(document.getElementById('stories-closed'), doc.stories.closed + ' closed');
  renderLatency(doc.latency);
  text(document.getElementById('updated'), 'updated ' + clock(doc.generatedAt));
  document.body.dataset.updated = String(doc.generatedAt);
}

// ---- Stories ----

const STORY_LIMIT = 12;
const ROLE_NAMES = {NEW_REPORT: 'new report', NEAR_DUPLICATE: 'near duplicate', EXACT_DUPLICATE: 'exact duplicate'};
let storiesShown = null;   // the /stories body last drawn, as JSON text: redrawn only when it changes
let openStoryId = storyIdInHash();
let openStoryShown = null; // the /stories/{id} body last drawn, as JSON text

function element(tag, className, value) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (value != null) e.textContent = value;
  return e;
}

/** A time as local YYYY-MM-DD HH:MM:SS: event times can be of any year (a replayed archive). */
function when(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const two = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' '
      + two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

function roleName(role) {
  return ROLE_NAMES[role] || String(role);
}

function rolesText(roles) {
  return Object.entries(roles || {}).map(([role, n]) => n + ' ' + roleName(role)).join(', ');
}

/** The URL when it is an absolute http(s) one, else null: a javascript: or data: URL never becomes a link. */
function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function storyIdInHash() {
  const m = location.hash.match(/^#story=(.+)$/);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch (e) {
    return null;
  }
}

/** The error an answer of the query API carries, or its status. */
async function problem(response) {
  try {
    const body = await response.json();
    if (body && body.error) return String(body.error);
  } catch (e) {
    // Not JSON: the status says enough.
  }
  return 'HTTP ' + response.status;
}

function renderStories(stories) {
  const body = document.querySelector('#stories-table tbody');
  body.replaceChildren();
  for (const s of stories) {
    const tr = element('tr', 'story-row');
    tr.dataset.storyId = s.storyId;
    tr.tabIndex = 0;
    tr.classList.toggle('selected', s.storyId === openStoryId);
    const headline = element('td', 'headline');
    // Enrich keeps a title's text only: a title that was all markup leaves an empty headline.
    headline.append(s.headline && s.headline.trim() ? element('span', 'headline-text', s.headline)
        : element('span', 'headline-text untitled', '(no headline)'));
    if (s.status !== 'ACTIVE') headline.append(element('span', 'status', String(s.status).toLowerCase()));
    tr.append(headline, element('td', 'articles num', s.articleCount),
        element('td', 'sources', (s.sources || []).join(', ')), element('td', 'roles', rolesText(s.roles)),
        element('td', 'updated when', when(s.updatedAt)));
    body.append(tr);
  }
}

async function refreshStories() {
  const note = document.getElementById('stories-note');
  try {
    const response = await fetch('/stories?limit=' + STORY_LIMIT, {cache: 'no-store'});
    if (response.status === 404) {
      note.textContent = 'This process does not run the aggregate: its stories are on the dashboard of '
          + 'newsflow run or newsflow aggregate.';
      note.hidden = false;
      return;
    }
    if (!response.ok) {
      note.textContent = 'Stories unavailable: ' + await problem(response);
      note.hidden = false;
      return;
    }
    const json = await response.text();
    if (json !== storiesShown) {
      renderStories(JSON.parse(json).stories);
      storiesShown = json;
    }
    text(note, 'No stories yet.');
    note.hidden = document.querySelector('#stories-table tbody').childElementCount > 0;
  } catch (e) {
    note.textContent = 'Stories unavailable: ' + e.message;
    note.hidden = false;
  }
}

function openStory(storyId) {
  openStoryId = storyId;
  openStoryShown = null;
  history.replaceState(null, '', '#story=' + encodeURIComponent(storyId));
  for (const tr of document.querySelectorAll('#stories-table tr.story-row')) {
    tr.classList.toggle('selected', tr.dataset.storyId === storyId);
  }
  refreshStory();
}

function timelineItem(at, what, article) {
  const li = element('li');
  li.append(element('span', 'when', when(at)), ' ', element('span', 'what', what));
  if (article) {
    li.append(' · ', element('span', 'source', article.source), ': ', element('span', 'title', article.title));
  }
  return li;
}

/**
 * The story's timeline as its snapshot tells it: started by the founding article, each later article
 * joining with its role, in the order they joined (the snapshot keeps the founding one and the 49 latest),
 * and the end when the story closed or was folded into another.
 */
function renderTimeline(s) {
  const list = document.getElementById('story-timeline');
  list.replaceChildren();
  const [founding, ...joined] = s.articles || [];
  if (founding) list.append(timelineItem(founding.publishedAt, 'started', founding));
  const unlisted = s.articleCount - (s.articles || []).length;
  if (unlisted > 0) {
    list.append(element('li', 'gap', unlisted + ' more article' + (unlisted === 1 ? '' : 's')
        + ' joined here (not listed: the snapshot keeps the founding article and the latest)'));
  }
  for (const a of joined) list.append(timelineItem(a.publishedAt, 'joined as ' + roleName(a.role), a));
  if (s.mergedInto) {
    const li = timelineItem(s.updatedAt, 'folded into ');
    const link = element('button', 'story-link', s.mergedInto);
    link.type = 'button';
    link.addEventListener('click', () => openStory(s.mergedInto));
    li.append(link);
    list.append(li);
  } else if (s.status === 'CLOSED') {
    list.append(timelineItem(s.updatedAt, 'closed after its idle period'));
  }
}

function renderMembers(s) {
  const body = document.querySelector('#story-articles tbody');
  body.replaceChildren();
  const newestFirst = [...(s.articles || [])].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  for (const a of newestFirst) {
    const tr = element('tr', 'member');
    tr.dataset.articleId = a.articleId;
    const title = element('td', 'title');
    const href = safeHref(a.url);
    if (href) {
      const link = element('a', null, a.title);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      title.append(link);
    } else {
      title.textContent = a.title;
    }
    tr.append(element('td', 'when', when(a.publishedAt)), element('td', 'source', a.source), title,
        element('td', 'role', roleName(a.role)));
    body.append(tr);
  }
}

function renderStory(s) {
  document.getElementById('story-note').hidden = true;
  document.getElementById('story-detail').hidden = false;
  const title = document.getElementById('story-headline');
  text(title, s.headline && s.headline.trim() ? s.headline : '(no headline)');
  title.classList.toggle('untitled', !(s.headline && s.headline.trim()));
  const listed = (s.articles || []).length;
  text(document.getElementById('story-meta'), String(s.status).toLowerCase() + ' · ' + s.language + ' · '
      + s.articleCount + ' article' + (s.articleCount === 1 ? '' : 's')
      + (listed < s.articleCount ? ' (' + listed + ' listed)' : '')
      + ' · started ' + when(s.startedAt) + ' · updated ' + when(s.updatedAt) + ' · ' + s.storyId);
  text(document.getElementById('story-sources'), 'sources: ' + (s.sources || []).join(', '));
  text(document.getElementById('story-entities'), (s.entities || []).length === 0 ? ''
      : 'entities: ' + s.entities.slice(0, 10).map(e => e.name + ' (' + String(e.type).toLowerCase() + ')').join(', '));
  renderTimeline(s);
  renderMembers(s);
}

function storyProblem(message) {
  document.getElementById('story-detail').hidden = true;
  const note = document.getElementById('story-note');
  note.textContent = message;
  note.hidden = false;
}

async function refreshStory() {
  const storyId = openStoryId;
  if (!storyId) return;
  try {
    const response = await fetch('/stories/' + encodeURIComponent(storyId), {cache: 'no-store'});
    if (storyId !== openStoryId) return; // Another story was opened meanwhile.
    if (!response.ok) {
      if (response.status === 404 || openStoryShown === null) {
        storyProblem('Story ' + storyId + ': ' + await problem(response));
        openStoryShown = null;
      }
      return; // A passing 503 keeps what is shown.
    }
    const json = await response.text();
    if (json !== openStoryShown) {
      renderStory(JSON.parse(json));
      openStoryShown = json;
    }
  } catch (e) {
    if (openStoryShown === null) storyProblem('Story ' + storyId + ': ' + e.message);
  }
}

document.querySelector('#stories-table tbody').addEventListener('click', event => {
  const row = event.target.closest('tr.story-row');
  if (row) openStory(row.dataset.storyId);
});
document.querySelector('#stories-table tbody').addEventListener('keydown', event => {
  const row = event.target.closest('tr.story-row');
  if (row && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    openStory(row.dataset.storyId);
  }
});
window.addEventListener('hashchange', () => {
  const id = storyIdInHash();
  if (id && id !== openStoryId) openStory(id);
});

// ---- Refresh loop ----

async function refreshOverview() {
  try {
    const response = await fetch('/api/overview', {cache: 'no-store'});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
  } catch (e) {
    const overall = document.getElementById('overall');
    overall.textContent = 'unreachable: ' + e.message;
    overall.className = 'badge bad';
  }
}

async function refresh() {
  try {
    await Promise.all([refreshOverview(), refreshStories(), refreshStory()]);
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

charts.throughput = lineChart('chart-throughput');
charts.lag = lineChart('chart-lag');
charts.deadletters = lineChart('chart-deadletters');
charts.stories = lineChart('chart-stories');
refresh();
