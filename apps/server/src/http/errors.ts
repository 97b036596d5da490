import { isElfError } from '@elf/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The codes of the server's own refusals, beside ElfError's. */
export type HttpErrorCode =
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'INVALID_INPUT';

/** A refusal decided by the server itself (security, routing, body); carries its status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HttpErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const elfStatus: Record<string, ContentfulStatusCode> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  BUSY: 503,
  DATABASE: 500,
  INTERNAL: 500,
};

export function errorBody(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/**
 * Any error → a status and one JSON line. ElfErrors keep their code and message (they name the
 * field); anything else is INTERNAL with a generic message — never a stack trace — and the real
 * one goes to the log.
 */
export function errorResponse(c: Context, error: unknown, log: (line: string) => void): Response {
  if (error instanceof HttpError) return c.json(errorBody(error.code, error.message, error.field), error.status);
  if (isElfError(error)) {
    const status = elfStatus[error.code] ?? 500;
    const field = (error as { field?: unknown }).field;
    if (status >= 500) log(`${c.req.method} ${c.req.path}: ${error.code}: ${error.message}`);
    const message = status >= 500 && error.code !== 'BUSY' ? 'the database failed; see the server log' : error.message;
    return c.json(errorBody(error.code, message, typeof field === 'string' ? field : undefined), status);
  }
  log(`${c.req.method} ${c.req.path}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return c.json(errorBody('INTERNAL', 'internal error; see the server log'), 500);
}
