import type { Context } from 'hono';
import { HttpError } from './errors.js';

/**
 * A state-changing request's JSON object. The content type must be JSON: a browser form can post
 * only the three simple types without a preflight, so this shuts the oldest CSRF door too.
 */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `content-type: must be application/json (got "${type.slice(0, 60)}")`,
      'content-type',
    );
  }
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'INVALID_INPUT',
      `body: not JSON (${error instanceof Error ? error.message : 'parse error'})`,
      'body',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_INPUT', 'body: must be a JSON object', 'body');
  }
  return value as Record<string, unknown>;
}

/** An optional string field of a body (null when absent). */
export function optionalText(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new HttpError(400, 'INVALID_INPUT', `${name}: must be a string`, name);
  return value;
}
