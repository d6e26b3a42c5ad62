// The dashboard's first load on two (or more) running services, side by side: visits alternate between them, each in a
// new browser context (empty cache), so a machine that slows down or speeds up during the run affects both alike.
//   node first-load.mjs [--visits N] [--path /dashboard?...] NAME=URL NAME=URL ...
// e.g. node first-load.mjs baseline=http://127.0.0.1:18801 current=http://127.0.0.1:18800
// Reports per service the median and best of "navigation → all panels drawn" (the page's performance mark
// dashboard-drawn), when /streaks left, when the last panel finished drawing, and each panel's drawing (the page's
// "draw <panel>" measures, where it has them). The browser is launched as the browser tests launch it.
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
let visits = 10;
let path = '/dashboard?symbol=RUT&benchmark=SPX&asOf=2026-01-22&compare=COMP,DJI';
const services = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--visits') visits = Number(args[++i]);
  else if (args[i] === '--path') path = args[++i];
  else if (/^[\w-]+=https?:\/\//.test(args[i])) services.push({ name: args[i].split('=')[0], url: args[i].slice(args[i].indexOf('=') + 1) });
  else throw new Error(`unknown argument ${args[i]}; usage: node first-load.mjs [--visits N] [--path P] NAME=URL ...`);
}
if (services.length === 0 || !(visits > 0)) throw new Error('usage: node first-load.mjs [--visits N] [--path P] NAME=URL ...');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function visit(service) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(service.url + path);
  await page.waitForFunction(() => performance.getEntriesByName('dashboard-drawn').length > 0, null, { timeout: 60_000, polling: 100 });
  const figures = await page.evaluate(() => {
    const measures = performance.getEntriesByType('measure').filter(m => m.name.startsWith('draw '));
    return {
      drawn: performance.getEntriesByName('dashboard-drawn')[0].startTime,
      streaksLeft: performance.getEntriesByType('resource').find(r => r.name.includes('/streaks?'))?.startTime ?? NaN,
      lastDrawEnd: measures.length ? Math.max(...measures.map(m => m.startTime + m.duration)) : NaN,
      draws: Object.fromEntries(measures.map(m => [m.name.slice(5), m.duration])),
      ready: document.querySelectorAll('.panel[data-state="ready"]').length,
    };
  });
  await context.close();
  if (errors.length || figures.ready !== 8) throw new Error(`${service.name}: ${figures.ready} of 8 panels ready ${errors.join('; ')}`);
  return figures;
}

const median = values => { const s = values.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const ms = value => (Number.isFinite(value) ? `${Math.round(value)}` : '–');

// One visit each that is not counted: the services' caches and the browser's own start-up.
for (const service of services) await visit(service);
const results = new Map(services.map(s => [s.name, []]));
for (let round = 0; round < visits; round++) {
  for (const service of services) results.get(service.name).push(await visit(service));
}
await browser.close();

console.log(`${visits} visits each, alternating; ${path}; load average ${(await import('node:os')).loadavg()[0].toFixed(2)} at the end`);
console.log('service | median drawn ms | best ms | all visits ms | /streaks left (median) | last draw ended (median) | panel drawing (median ms)');
console.log('---|---:|---:|---|---:|---:|---');
for (const [name, list] of results) {
  const drawn = list.map(r => r.drawn);
  const panels = [...new Set(list.flatMap(r => Object.keys(r.draws)))];
  console.log(`${name} | ${ms(median(drawn))} | ${ms(Math.min(...drawn))} | ${drawn.map(ms).join(' ')} | ${ms(median(list.map(r => r.streaksLeft)))} | ` +
    `${ms(median(list.map(r => r.lastDrawEnd)))} | ${panels.map(p => `${p} ${ms(median(list.map(r => r.draws[p])))}`).join(', ') || '–'}`);
}
