// The one way the dashboard talks to the server: JSON in, JSON out, the API's error message kept.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    if (response.ok)
      throw new ApiError('The server answered with something that is not JSON', response.status, 'INTERNAL');
  }
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    const message = error?.message ?? `${response.status} ${response.statusText || 'request failed'}`;
    throw new ApiError(message, response.status, error?.code ?? 'INTERNAL');
  }
  return body as T;
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('The server cannot be reached', 0, 'NETWORK');
  }
  return parse<T>(response);
}

export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>(url, signal ? { signal } : {});
}

export function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown = {}): Promise<T> {
  return request<T>(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A query string from the set values only: `withQuery('/api/x', { a: 1, b: '' })` → `/api/x?a=1`. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
