// Polls /api/overview and draws it. Charts are created once and updated in place.
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

async function refresh() {
  try {
    const response = await fetch('/api/overview', {cache: 'no-store'});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
  } catch (e) {
    const overall = document.getElementById('overall');
    overall.textContent = 'unreachable: ' + e.message;
    overall.className = 'badge bad';
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

charts.throughput = lineChart('chart-throughput');
charts.lag = lineChart('chart-lag');
charts.deadletters = lineChart('chart-deadletters');
charts.stories = lineChart('chart-stories');
refresh();
