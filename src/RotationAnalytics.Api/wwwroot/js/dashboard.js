// The rotation dashboard: state in the URL (symbol, benchmark, asOf, from, compare, lang), eight panels drawn from the
// public JSON API of this origin, and the source batches of everything shown. Each panel has its own loading and error
// state (data-state="loading|ready|error"); the page says data-state="ready" once every panel has settled and drawn.
import { ApiError, getJson, query } from './api.js';
import { addMonths, basisPoints, count, html, number, ordinal, percent } from './format.js';

const DEFAULTS = { symbol: 'RUT', benchmark: 'SPX', asOf: '', from: '', compare: '', lang: 'en' };
const STATE_KEYS = Object.keys(DEFAULTS);
// Streaks at least this long are listed in the history timeline and shaded on the relative-strength line.
const TIMELINE_MIN_LENGTH = 5;
const TIMELINE_PAGE_SIZE = 500;
// The charts of a date range (relative strength, RSI) show at least this much history before asOf.
const CHART_MONTHS = 6;
// Sector ETFs are rotated against the S&P 500 fund, whatever the pair on show.
const ROTATION_BENCHMARK = 'SPY';
const ROTATION_TAIL = 8;
const COLORS = { up: '#1a7f37', down: '#c62828', ink: '#1f4e79', muted: '#6b7280', benchmark: '#b45309' };
const SERIES_COLORS = ['#1f4e79', '#b45309', '#6d28d9', '#0f766e', '#be185d', '#4d7c0f', '#0369a1', '#a16207', '#7c2d12', '#334155', '#9333ea'];

// The chart library (the parts of ECharts the page draws with, a classic script defining window.echarts) is a deferred
// script of the page: it is fetched with the modules and compiled on a background thread while the data requests are out
// (charts.entry.js, docs/performance.md). It runs after this module, so the requests leave first.
const chartLibrary = new Promise((resolve, reject) => {
  const script = document.getElementById('chart-library');
  const failed = () => reject(new Error(`the chart library ${script.getAttribute('src')} could not be loaded`));
  if (window.echarts) resolve(window.echarts);
  script.addEventListener('load', () => (window.echarts ? resolve(window.echarts) : failed()));
  script.addEventListener('error', failed);
});

const form = document.getElementById('controls');
const controls = Object.fromEntries(STATE_KEYS.map(key => [key, document.getElementById(key)]));
const pageStatus = document.getElementById('page-status');
const charts = new Map();
let instruments = [];
let generation = 0;
let inFlight = null;

// ---------- state <-> URL <-> controls ----------

function readState() {
  const search = new URLSearchParams(location.search);
  const state = { ...DEFAULTS };
  for (const key of STATE_KEYS) {
    const value = search.get(key);
    if (value !== null) state[key] = value.trim();
  }
  state.symbol = state.symbol.toUpperCase();
  state.benchmark = state.benchmark.toUpperCase();
  state.compare = state.compare.toUpperCase().replace(/\s+/g, '');
  state.lang = state.lang === 'zh' ? 'zh' : 'en';
  return state;
}

function stateUrl(state) {
  const search = new URLSearchParams();
  for (const key of STATE_KEYS) {
    if (state[key]) search.set(key, state[key]);
  }
  return `${location.pathname}?${search.toString().replaceAll('%2C', ',')}`;
}

function stateFromControls() {
  return {
    symbol: controls.symbol.value,
    benchmark: controls.benchmark.value,
    asOf: controls.asOf.value,
    from: controls.from.value,
    compare: controls.compare.value.toUpperCase().replace(/\s+/g, ''),
    lang: controls.lang.value,
  };
}

function fillControls(state) {
  for (const key of ['symbol', 'benchmark']) {
    const select = controls[key];
    const known = instruments.some(i => i.symbol === state[key]);
    select.innerHTML = (known ? '' : `<option value="${html(state[key])}">${html(state[key])} (not in /instruments)</option>`) +
      instruments.map(i => `<option value="${html(i.symbol)}">${html(i.symbol)} — ${html(i.name)}</option>`).join('');
    select.value = state[key];
  }
  controls.asOf.value = state.asOf;
  controls.from.value = state.from;
  controls.compare.value = state.compare;
  controls.lang.value = state.lang;
  const covered = instruments.filter(i => i.symbol === state.symbol || i.symbol === state.benchmark).map(i => i.coverage);
  const firstDates = covered.map(c => c.firstDate).filter(Boolean).sort();
  const lastDates = covered.map(c => c.lastDate).filter(Boolean).sort();
  for (const input of [controls.asOf, controls.from]) {
    input.min = firstDates.at(-1) ?? '';
    input.max = lastDates[0] ?? '';
  }
  for (const control of Object.values(controls)) control.disabled = false;
}

function onControlChange() {
  const state = stateFromControls();
  history.pushState(null, '', stateUrl(state));
  render(state);
}

form.addEventListener('change', onControlChange);
form.addEventListener('submit', event => {
  event.preventDefault();
  onControlChange();
});
window.addEventListener('popstate', () => {
  const state = readState();
  fillControls(state);
  render(state);
});
window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

// ---------- panels ----------

function panelElement(id) {
  return document.getElementById(`panel-${id}`);
}

/**
 * Runs one panel: loading state, its answers from the API (each cited in the footnotes), then its drawing once the chart
 * library is there — or its error, shown in the API's own words.
 */
async function panel(id, cite, sent, load, draw) {
  const element = panelElement(id);
  const status = element.querySelector('.panel-status');
  element.dataset.state = 'loading';
  status.textContent = 'Loading…';
  status.classList.remove('error');
  try {
    const answers = await load();
    [].concat(answers).forEach(cite);
    // Drawing holds the main thread for a while: it waits until every panel has sent its requests.
    await sent;
    // Panels of text and tables do not wait for the chart library: they draw while it compiles.
    if (element.querySelector('.chart')) await chartsCreated;
    // Each panel's drawing is a performance measure, reported by the browser test and benchmarks/dashboard.
    const started = performance.now();
    draw(answers);
    performance.measure(`draw ${id}`, { start: started });
    element.dataset.state = 'ready';
    status.textContent = '';
  } catch (e) {
    if (e.name === 'AbortError') return;
    element.dataset.state = 'error';
    status.classList.add('error');
    status.textContent = e instanceof ApiError
      ? `${e.status ? `${e.status} ` : ''}${e.title ?? 'Error'}: ${e.message === e.title ? e.url.split('?')[0] : e.message}`
      : `This panel could not be drawn: ${e.message}`;
    element.querySelectorAll('.chart').forEach(el => charts.get(el.id)?.clear());
  }
}

// Every chart is created at once when the library is there: creating one reads its container's size, and a single
// layout of the page then serves them all instead of one forced layout per chart between the panels' own DOM updates.
const chartsCreated = chartLibrary.then(echarts => {
  for (const element of document.querySelectorAll('.chart')) charts.set(element.id, echarts.init(element, null, { renderer: 'canvas' }));
});

function chart(id, option, label) {
  const element = document.getElementById(id);
  const instance = charts.get(id);
  // richText tooltips are drawn on the canvas: HTML tooltips would need inline styles, which the page's CSP forbids.
  instance.setOption({ animation: false, tooltip: { renderMode: 'richText', confine: true }, ...option }, true);
  element.setAttribute('aria-label', label);
  return instance;
}

function setText(id, text) {
  document.getElementById(id).textContent = text;
}

function direction(streak) {
  return streak.direction === 'outperform' ? 'outperforming' : 'underperforming';
}

function drawStreaks(state, streaks) {
  const c = streaks.current;
  const records = streaks.records;
  const card = document.getElementById('streak-card');
  if (!c) {
    card.innerHTML = `<p>No streak runs on ${html(streaks.asOf)}: ${html(state.symbol)} and ${html(state.benchmark)} returned exactly the same that day.</p>`;
  } else {
    const record = records[c.direction];
    const recordText = c.isRecord ? 'Yes — a new record' : c.tiesRecord ? 'Ties the record'
      : `No — the record is ${record.length} sessions (${record.startDate} → ${record.endDate})`;
    const since = c.previousAtLeastAsLong
      ? `${c.previousAtLeastAsLong.length} sessions, ${c.previousAtLeastAsLong.startDate} → ${c.previousAtLeastAsLong.endDate}`
      : `none as long since ${streaks.commonDates.first}`;
    card.className = `streak-card ${c.direction}`;
    card.innerHTML = `
      <p class="headline"><span data-field="symbol">${html(streaks.symbol)}</span> has been <strong data-field="direction">${direction(c)}</strong>
        <span data-field="benchmark">${html(streaks.benchmark)}</span> for
        <strong class="big" data-field="length">${c.length}</strong> sessions, ${html(c.startDate)} → ${html(c.endDate)}.</p>
      <dl>
        <div><dt>Rank</dt><dd><strong data-field="rank">${c.rank}</strong> (${ordinal(c.rank)} longest ${c.direction} streak)</dd></div>
        <div><dt>Record</dt><dd data-field="record">${html(recordText)}</dd></div>
        <div><dt>Longest since</dt><dd data-field="since">${html(since)}</dd></div>
        <div><dt>Excess over the run</dt><dd>${percent(c.cumulativeExcessReturn)} (${basisPoints(c.averageDailyExcessReturn)} a day)</dd></div>
      </dl>`;
  }

  const items = streaks.history.items;
  const points = direction => items.filter(i => i.direction === direction)
    .map(i => ({ value: [i.endDate, i.direction === 'outperform' ? i.length : -i.length], start: i.startDate }));
  const current = c ? [{ value: [c.endDate, c.direction === 'outperform' ? c.length : -c.length], start: c.startDate }] : [];
  const shown = items.length < streaks.history.total ? ` (the ${items.length} longest shown)` : '';
  const text = `Sessions per streak, outperformance above the axis, underperformance below: ${streaks.history.total} streaks of at least ${TIMELINE_MIN_LENGTH} sessions between ${streaks.commonDates.first} and ${streaks.asOf}${shown}. ` +
    `Longest outperformance: ${records.outperform ? `${records.outperform.length} sessions ending ${records.outperform.endDate}` : 'none'}; ` +
    `longest underperformance: ${records.underperform ? `${records.underperform.length} sessions ending ${records.underperform.endDate}` : 'none'}` +
    (c ? `; current: ${c.length} sessions ${c.direction}.` : '.');
  setText('text-streaks', text);
  chart('chart-streaks', {
    grid: { left: 44, right: 16, top: 30, bottom: 30 },
    legend: { top: 0 },
    tooltip: { renderMode: 'richText', confine: true, formatter: p => `${p.seriesName}: ${Math.abs(p.value[1])} sessions\n${p.data.start} → ${p.value[0]}` },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: { formatter: v => Math.abs(v) } },
    series: [
      // Large mode draws a series' points as one path instead of one element each (≈ 130 ms less for RUT/SPX's 310).
      { name: 'Outperformance', type: 'scatter', symbolSize: 6, large: true, largeThreshold: 100, itemStyle: { color: COLORS.up }, data: points('outperform') },
      { name: 'Underperformance', type: 'scatter', symbolSize: 6, large: true, largeThreshold: 100, itemStyle: { color: COLORS.down }, data: points('underperform') },
      { name: 'Current', type: 'scatter', symbolSize: 14, symbol: 'diamond', itemStyle: { color: COLORS.ink }, data: current },
    ],
  }, `Streak history timeline: ${text}`);
}

function drawRelativeStrength(state, result, streaks) {
  const line = result.rsLine ?? [];
  if (line.length === 0) throw new Error('the answer has no relative-strength points');
  const dates = line.map(p => p.date);
  const first = dates[0];
  const last = dates.at(-1);
  const runs = [...(streaks?.history.items ?? [])];
  if (streaks?.current) runs.push(streaks.current);
  const shaded = runs.filter(r => r.endDate >= first && r.startDate <= last).map(r => [
    { xAxis: r.startDate < first ? first : r.startDate, itemStyle: { color: r.direction === 'outperform' ? 'rgba(26,127,55,0.16)' : 'rgba(198,40,40,0.14)' } },
    { xAxis: r.endDate > last ? last : r.endDate },
  ]);
  const text = `Relative strength of ${result.symbol} against ${state.benchmark}, 100 on ${result.base.date}: ` +
    `${number(line.at(-1).rs)} on ${last} (${percent(result.ratioReturn)} relative). ` +
    `${shaded.length} streaks of ${TIMELINE_MIN_LENGTH}+ sessions or running on asOf are shaded (green: outperformance, red: underperformance).`;
  setText('text-rs', text);
  chart('chart-rs', {
    grid: { left: 48, right: 16, top: 16, bottom: 30 },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: [{
      name: `RS ${result.symbol}/${state.benchmark}`, type: 'line', showSymbol: false, data: line.map(p => p.rs),
      lineStyle: { color: COLORS.ink, width: 2 }, itemStyle: { color: COLORS.ink },
      markArea: { silent: true, data: shaded },
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: COLORS.muted, type: 'dashed' }, data: [{ yAxis: 100 }] },
    }],
  }, `Line chart: ${text}`);
}

function drawReturns(state, close, open) {
  const symbols = close.results.map(r => r.symbol);
  const byOpen = new Map(open.results.map(r => [r.symbol, r]));
  chart('chart-returns', {
    grid: { left: 56, right: 12, top: 30, bottom: 30 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true, valueFormatter: v => `${v.toFixed(2)} %` },
    xAxis: { type: 'category', data: symbols },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: [
      { name: 'Close basis', type: 'bar', itemStyle: { color: COLORS.ink }, data: close.results.map(r => r.return * 100) },
      { name: 'Open basis', type: 'bar', itemStyle: { color: COLORS.benchmark }, data: symbols.map(s => (byOpen.get(s)?.return ?? null) * 100) },
    ],
  }, `Bar chart of window returns ${close.from} to ${close.to}: ` +
    close.results.map(r => `${r.symbol} ${percent(r.return)} (close basis), ${percent(byOpen.get(r.symbol)?.return)} (open basis)`).join('; '));
  const table = document.getElementById('table-returns');
  table.innerHTML = `<caption>${html(close.from)} → ${html(close.to)}; close basis: from the close before ${html(close.from)}, open basis: from the first day's open</caption>
    <thead><tr><th scope="col">Symbol</th><th scope="col" class="num">Close basis</th><th scope="col" class="num">Open basis</th>
      <th scope="col" class="num">Excess vs ${html(state.benchmark)}</th><th scope="col" class="num">Avg daily excess</th><th scope="col" class="num">Days ahead</th></tr></thead>
    <tbody>${close.results.map(r => `<tr data-symbol="${html(r.symbol)}"><th scope="row">${html(r.symbol)}</th>
      <td class="num" title="${html(r.base.date)} ${number(r.base.price)} → ${html(r.end.date)} ${number(r.end.price)}">${percent(r.return)}</td>
      <td class="num">${percent(byOpen.get(r.symbol)?.return)}</td><td class="num">${percent(r.excessReturn)}</td>
      <td class="num">${basisPoints(r.averageDailyExcessReturn)}</td><td class="num">${r.outperformingDays}/${r.tradingDays}</td></tr>`).join('')}</tbody>`;
}

function sectorBars(id, breadth, title) {
  const members = breadth.members.filter(m => m.return !== null).sort((a, b) => a.return - b.return);
  const text = `${title}: ` + [...members].reverse().map(m => `${m.symbol} ${percent(m.return)}`).join(', ');
  chart(id, {
    grid: { left: 48, right: 16, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true, valueFormatter: v => `${v.toFixed(2)} %` },
    xAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: members.map(m => m.symbol) },
    series: [{
      name: title, type: 'bar',
      data: members.map(m => ({ value: m.return * 100, itemStyle: { color: m.return >= 0 ? COLORS.up : COLORS.down } })),
    }],
  }, `Bar chart, ${text}`);
  return text;
}

function drawSectors(day, window) {
  const share = ma => ma.percentAbove === null ? '–' : `${ma.percentAbove.toFixed(0)} % (${ma.above} of ${ma.eligible})`;
  document.getElementById('h-sectors-day').textContent = `The day: ${day.to}`;
  document.getElementById('h-sectors-window').textContent = `The window: ${window.from} → ${window.to}`;
  document.getElementById('breadth-figures').innerHTML = `<dl>
      <div><dt>Advancers / decliners (day)</dt><dd data-field="day-ad">${day.advancers} / ${day.decliners}${day.unchanged ? ` (${day.unchanged} unchanged)` : ''}</dd></div>
      <div><dt>Advancers / decliners (window)</dt><dd data-field="window-ad">${window.advancers} / ${window.decliners}</dd></div>
      <div><dt>Above 50-day average</dt><dd>${share(day.aboveSma50)}</dd></div>
      <div><dt>Above 200-day average</dt><dd>${share(day.aboveSma200)}</dd></div>
      <div><dt>Window leader / laggard</dt><dd>${html(window.leader.symbol)} ${percent(window.leader.return)} / ${html(window.laggard.symbol)} ${percent(window.laggard.return)}</dd></div>
    </dl>`;
  const dayText = sectorBars('chart-sectors-day', day, `returns on ${day.to}`);
  const windowText = sectorBars('chart-sectors-window', window, `returns ${window.from} to ${window.to}`);
  setText('text-sectors', `Sector ${dayText}. Sector ${windowText}.`);
}

function drawRotation(rotation) {
  const points = rotation.items.flatMap(i => i.tail);
  const pad = 0.5;
  const xs = points.map(p => p.rsRatio).concat(100);
  const ys = points.map(p => p.rsMomentum).concat(100);
  const bounds = {
    xMin: Math.floor(Math.min(...xs) - pad), xMax: Math.ceil(Math.max(...xs) + pad),
    yMin: Math.floor(Math.min(...ys) - pad), yMax: Math.ceil(Math.max(...ys) + pad),
  };
  const quadrant = (name, color, x0, y0, x1, y1) => [{ name, xAxis: x0, yAxis: y0, itemStyle: { color } }, { xAxis: x1, yAxis: y1 }];
  const series = rotation.items.map((item, index) => ({
    name: item.symbol, type: 'line', data: item.tail.map(p => [p.rsRatio, p.rsMomentum, p.date]),
    symbolSize: (_, p) => (p.dataIndex === item.tail.length - 1 ? 10 : 4),
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    endLabel: { show: true, formatter: item.symbol, fontSize: 11 },
    lineStyle: { width: 1.5 },
  }));
  series[0] = {
    ...series[0],
    markArea: {
      silent: true, label: { position: 'insideTopLeft', color: COLORS.muted },
      data: [
        quadrant('Improving', 'rgba(59,130,246,0.07)', bounds.xMin, 100, 100, bounds.yMax),
        quadrant('Leading', 'rgba(26,127,55,0.08)', 100, 100, bounds.xMax, bounds.yMax),
        quadrant('Lagging', 'rgba(198,40,40,0.07)', bounds.xMin, bounds.yMin, 100, 100),
        quadrant('Weakening', 'rgba(234,179,8,0.09)', 100, bounds.yMin, bounds.xMax, 100),
      ],
    },
  };
  const text = `Rotation of ${rotation.items.length} sectors against ${rotation.benchmark} as of ${rotation.asOf} (${rotation.interval}ly points, tails of ${ROTATION_TAIL}): ` +
    rotation.items.map(i => `${i.symbol} ${i.latest.quadrant ?? 'on an axis'} (${number(i.latest.rsRatio)}, ${number(i.latest.rsMomentum)})`).join('; ');
  setText('text-rotation', text);
  chart('chart-rotation', {
    grid: { left: 44, right: 40, top: 30, bottom: 40 },
    tooltip: { renderMode: 'richText', confine: true, formatter: p => `${p.seriesName} ${p.value[2]}\nRS-Ratio ${number(p.value[0])}, RS-Momentum ${number(p.value[1])}` },
    xAxis: { type: 'value', name: 'RS-Ratio', nameLocation: 'middle', nameGap: 24, min: bounds.xMin, max: bounds.xMax },
    yAxis: { type: 'value', name: 'RS-Momentum', min: bounds.yMin, max: bounds.yMax },
    series,
  }, `Scatter with tails: ${text}`);
}

function drawRsi(rsi) {
  const latest = rsi.latest;
  const text = latest
    ? `RSI(${rsi.period}) of ${rsi.symbol} on ${latest.date}: ${number(latest.rsi)}, ${latest.zone} (bands ${rsi.overbought} / ${rsi.oversold}).`
    : `No RSI(${rsi.period}) value of ${rsi.symbol} up to ${rsi.to}.`;
  setText('text-rsi', text);
  chart('chart-rsi', {
    grid: { left: 36, right: 16, top: 12, bottom: 30 },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    xAxis: { type: 'category', data: rsi.series.map(p => p.date), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, interval: 10 },
    series: [{
      name: `RSI(${rsi.period})`, type: 'line', showSymbol: false, data: rsi.series.map(p => p.rsi),
      lineStyle: { color: COLORS.ink }, itemStyle: { color: COLORS.ink },
      markLine: {
        silent: true, symbol: 'none', label: { position: 'insideEndTop' },
        data: [{ yAxis: rsi.overbought, lineStyle: { color: COLORS.down } }, { yAxis: rsi.oversold, lineStyle: { color: COLORS.up } }],
      },
    }],
  }, `Line chart: ${text}`);
}

function drawPerformance(performance) {
  const rows = [...performance.rows, performance.benchmarkPerformance];
  const cell = (row, code) => {
    const c = row.returns?.[code];
    if (!c) return `<td class="num muted" title="${html(row.unavailable ?? '')}">–</td>`;
    if (c.return === null) return `<td class="num muted" title="${html(c.unavailable ?? '')}">–</td>`;
    const excess = row === performance.benchmarkPerformance ? '' : `<small>${percent(c.excessReturn)} vs ${html(performance.benchmark)}${c.rank ? `, #${c.rank}` : ''}</small>`;
    return `<td class="num" title="base ${html(c.baseDate)} ${number(c.basePrice)}">${percent(c.return)}${excess}</td>`;
  };
  document.getElementById('table-performance').innerHTML = `
    <caption>Price returns to ${html(performance.asOf)}; small: excess over ${html(performance.benchmark)} and rank</caption>
    <thead><tr><th scope="col">Horizon</th>${rows.map(r => `<th scope="col" class="num">${html(r.symbol)}</th>`).join('')}</tr></thead>
    <tbody>${performance.horizons.map(code => `<tr data-horizon="${html(code)}"><th scope="row">${html(code)}</th>${rows.map(r => cell(r, code)).join('')}</tr>`).join('')}</tbody>`;
}

function drawBrief(brief) {
  const article = document.getElementById('brief');
  article.lang = brief.lang === 'zh' ? 'zh-Hans' : 'en';
  const withMarkers = text => html(text).replace(/\[(\d+)\]/g, '<a class="ref" href="#ref-$1">[$1]</a>');
  const reference = r => r.kind === 'query'
    ? `<a href="${html(r.url)}">${html(r.url)}</a>`
    : `source #${html(r.id)}: ${html(r.provider)} ${html(r.providerSymbol)}, ${sourceUrl(r.url)}, retrieved ${html(r.retrievedAt)}`;
  article.innerHTML = `<h3>${html(brief.title)}</h3>
    ${brief.sections.map(s => `<section><h4>${html(s.heading)}</h4><p>${withMarkers(s.text)}</p></section>`).join('')}
    <h4>References</h4>
    <ol class="references">${brief.references.map(r => `<li id="ref-${r.n}" value="${r.n}">${reference(r)}</li>`).join('')}</ol>`;
}

// ---------- sources ----------

function sourceUrl(url) {
  // Only http(s) addresses are links; a file:// URL names where the service read a file and is shown as text.
  return /^https?:\/\//i.test(url ?? '') ? `<a href="${html(url)}" rel="noreferrer">${html(url)}</a>` : `<code>${html(url)}</code>`;
}

function drawSources(sources) {
  const list = [...sources.values()].sort((a, b) => a.id - b.id);
  document.getElementById('source-list').innerHTML = list.length === 0
    ? '<li>No sources: no panel could be drawn.</li>'
    : list.map(s => `<li id="source-${s.id}" data-source-id="${s.id}"><strong>${html(s.provider)}</strong> ${html(s.providerSymbol)} (batch #${s.id})
        — ${sourceUrl(s.url)} — retrieved ${html(s.retrievedAt)}${s.priceKind ? `, ${html(s.priceKind)} prices` : ''}</li>`).join('');
}

// ---------- one render of every panel ----------

async function render(state) {
  const run = ++generation;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const get = path => getJson(path, controller.signal);
  const sources = new Map();
  const cite = answer => {
    for (const s of answer?.sources ?? []) sources.set(s.id, s);
    for (const r of answer?.references ?? []) if (r.kind === 'source') sources.set(r.id, r);
  };
  document.body.dataset.state = 'loading';
  document.getElementById('pair-title').textContent = `${state.symbol} vs ${state.benchmark}`;
  document.title = `${state.symbol} vs ${state.benchmark} — RotationAnalytics`;
  pageStatus.textContent = `Loading ${state.symbol} vs ${state.benchmark}…`;

  // The streaks set the days every panel describes: their asOf (the latest common date when the URL gives none) and the
  // current streak's start (the default window). Panels that need only asOf start at once when the URL gives it.
  const streaksRequest = get(query('/streaks', {
    symbol: state.symbol, benchmark: state.benchmark, asOf: state.asOf, minLength: TIMELINE_MIN_LENGTH, pageSize: TIMELINE_PAGE_SIZE,
  }));
  const days = streaksRequest.catch(() => null).then(streaks => {
    const asOf = streaks?.asOf ?? state.asOf;
    const from = state.from || streaks?.current?.startDate || (asOf ? `${asOf.slice(0, 8)}01` : '');
    const chartFrom = asOf ? [from, addMonths(asOf, -CHART_MONTHS)].filter(Boolean).sort()[0] : '';
    if (run === generation) {
      pageStatus.textContent = `${state.symbol} vs ${state.benchmark}${asOf ? ` as of ${asOf}` : ''}${from ? `; window from ${from}` : ''}.`;
    }
    return { streaks, asOf, from, chartFrom };
  });
  const asOfKnown = state.asOf ? Promise.resolve(state.asOf) : days.then(d => d.asOf);
  // The window: a shared link that gives both ends does not wait for the streaks.
  const windowKnown = state.asOf && state.from ? Promise.resolve({ asOf: state.asOf, from: state.from }) : days;
  // Once the days are known every panel has sent its requests (a task later, as fetch() is called in microtasks).
  const sent = days.then(() => new Promise(resolve => setTimeout(resolve)));
  const windowSymbols = [...new Set([state.symbol, state.benchmark, ...state.compare.split(',').filter(Boolean)])];
  const rowSymbols = windowSymbols.filter(s => s !== state.benchmark);

  await Promise.all([
    panel('streak', cite, sent, () => streaksRequest, streaks => drawStreaks(state, streaks)),
    panel('rs', cite, sent, async () => {
      const { streaks, asOf, chartFrom } = await days;
      return [await get(query('/relative-performance', {
        symbols: state.symbol, benchmark: state.benchmark, from: chartFrom, to: asOf, rsLine: 'true',
      })), streaks];
    }, ([answer, streaks]) => drawRelativeStrength(state, answer.results[0], streaks)),
    panel('returns', cite, sent, async () => {
      const { asOf, from } = await windowKnown;
      const parameters = { symbols: windowSymbols.join(','), benchmark: state.benchmark, from, to: asOf };
      return Promise.all([
        get(query('/relative-performance', { ...parameters, basis: 'close' })),
        get(query('/relative-performance', { ...parameters, basis: 'open' })),
      ]);
    }, ([close, open]) => drawReturns(state, close, open)),
    panel('sectors', cite, sent, async () => {
      const day = get(query('/breadth/sectors', { date: await asOfKnown }));
      const { asOf, from } = await windowKnown;
      return Promise.all([day, get(query('/breadth/sectors', { from, to: asOf }))]);
    }, ([day, window]) => drawSectors(day, window)),
    panel('rotation', cite, sent, async () => get(query('/rotation', { benchmark: ROTATION_BENCHMARK, asOf: await asOfKnown, tail: ROTATION_TAIL })), drawRotation),
    panel('rsi', cite, sent, async () => {
      const asOf = await asOfKnown;
      return get(query('/indicators/rsi', { symbol: state.symbol, from: asOf ? addMonths(asOf, -CHART_MONTHS) : '', to: asOf }));
    }, drawRsi),
    panel('performance', cite, sent, async () => get(query('/performance', {
      symbols: rowSymbols.join(',') || state.symbol, benchmark: state.benchmark, asOf: await asOfKnown,
    })), drawPerformance),
    panel('brief', cite, sent, async () => get(query('/briefs/rotation', {
      symbol: state.symbol, benchmark: state.benchmark, asOf: await asOfKnown, from: state.from, compare: state.compare, lang: state.lang,
    })), drawBrief),
  ]);
  if (run !== generation) return;
  drawSources(sources);
  // ECharts paints in the next animation frame after setOption; a task queued from a later frame callback runs once that
  // frame is rendered.
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
  if (run !== generation) return;
  const failed = document.querySelectorAll('.panel[data-state="error"]').length;
  pageStatus.textContent += failed ? ` ${failed} panel(s) could not be drawn; each says why.` : '';
  document.body.dataset.state = 'ready';
  performance.mark('dashboard-drawn');
}

// ---------- start ----------

// The panels start at once from the URL; the pickers are filled when the instrument list arrives.
const initial = readState();
history.replaceState(null, '', stateUrl(initial));
render(initial);
try {
  instruments = await getJson('/instruments');
} catch (e) {
  pageStatus.textContent = `The instrument list could not be loaded (${e.message}); the panels still show the pair in the URL.`;
  pageStatus.classList.add('error');
}
fillControls(initial);
