// Landing page: the data coverage table from /instruments.
import { getJson } from './api.js';
import { count, html } from './format.js';

const section = document.getElementById('coverage');
const status = section.querySelector('.status');
const table = document.getElementById('coverage-table');

try {
  const instruments = await getJson('/instruments');
  const stored = instruments.filter(i => i.coverage.barCount > 0);
  table.tBodies[0].innerHTML = instruments.map(i => `<tr>
      <th scope="row">${html(i.symbol)}</th><td>${html(i.name)}</td><td>${html(i.kind)}</td>
      <td>${html(i.coverage.firstDate ?? '–')}</td><td>${html(i.coverage.lastDate ?? '–')}</td>
      <td class="num">${count(i.coverage.barCount)}</td></tr>`).join('');
  table.hidden = false;
  status.textContent = stored.length === 0
    ? 'No data is stored yet: start the service with --csv-dir or --demo (see README).'
    : `${stored.length} of ${instruments.length} instruments have stored bars, ${count(stored.reduce((n, i) => n + i.coverage.barCount, 0))} in all.`;
  section.dataset.state = 'ready';
} catch (e) {
  status.textContent = `Could not load the instruments: ${e.message}`;
  status.classList.add('error');
  section.dataset.state = 'error';
}
