// Number and date formatting shared by the pages. Returns are decimal fractions in the API (0.0911 = 9.11 %).

// Plain string work instead of Intl.NumberFormat: creating the first formatter loads locale data, measured at 40 ms of
// the dashboard's first load; the pages show English figures only.
function grouped(value, digits) {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

export function percent(fraction, digits = 2) {
  if (fraction === null || fraction === undefined) return '–';
  const value = fraction * 100;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${Math.abs(value).toFixed(digits)} %`;
}

export function number(value) {
  return value === null || value === undefined ? '–' : grouped(value, 2);
}

export function count(value) {
  return value === null || value === undefined ? '–' : grouped(value, 0);
}

export function basisPoints(fraction) {
  if (fraction === null || fraction === undefined) return '–';
  const value = fraction * 10000;
  return `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)} bp`;
}

export function ordinal(n) {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** yyyy-MM-dd of a date shifted by whole months, the day clamped to the month's end (as the API's horizons do). */
export function addMonths(isoDate, months) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Escapes text for use inside HTML built from API values. */
export function html(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
