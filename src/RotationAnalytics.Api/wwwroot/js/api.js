// The dashboard's only way to the data: GET requests to this origin's public JSON API. An error answer (RFC 9457
// ProblemDetails) becomes an ApiError carrying the status and the problem's own words, which panels show as they are.

export class ApiError extends Error {
  constructor(status, title, detail, url) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.url = url;
  }
}

/** GET a path of this API (with its query) and return the parsed JSON, or throw an ApiError. */
export async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The API could not be reached', e.message, path);
  }
  if (response.ok) return response.json();
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // A body that is not JSON (e.g. a proxy's error page): the status line is all there is to say.
  }
  const detail = problem.detail || firstValidationError(problem.errors);
  throw new ApiError(response.status, problem.title || response.statusText, detail, path);
}

/** Builds "path?name=value&…" from the parameters that have a value, in the order given. */
export function query(path, parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString().replaceAll('%2C', ',');
  return text ? `${path}?${text}` : path;
}

function firstValidationError(errors) {
  if (!errors) return undefined;
  const [name, messages] = Object.entries(errors)[0] ?? [];
  return name ? `${name}: ${[].concat(messages).join(' ')}` : undefined;
}
