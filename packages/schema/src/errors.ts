/**
 * The one error type of ELF. Every layer throws it; the CLI maps `code` to an exit code and the
 * server (later) to an HTTP status. Messages name the field and the rule, on one line.
 */
export const elfErrorCodes = ['INVALID_INPUT', 'NOT_FOUND', 'DATABASE', 'BUSY', 'INTERNAL'] as const;
export type ElfErrorCode = (typeof elfErrorCodes)[number];

export interface ElfErrorOptions {
  cause?: unknown;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export class ElfError extends Error {
  override readonly name = 'ElfError';
  readonly code: ElfErrorCode;
  readonly field: string | undefined;

  constructor(code: ElfErrorCode, message: string, options: ElfErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** True for an ElfError, also one from another copy of this package (bundles, duplicates). */
export function isElfError(error: unknown): error is ElfError {
  return (
    error instanceof ElfError ||
    (error instanceof Error && error.name === 'ElfError' && typeof (error as { code?: unknown }).code === 'string')
  );
}

/**
 * What SQLite itself reported, for code that acts on SQLite's own code or words: the driver error
 * under any ElfErrors that wrap it (as `cause`), or the error itself when it was never wrapped.
 */
export function sqliteCause(error: unknown): (Error & { code: string }) | undefined {
  let candidate = error;
  while (isElfError(candidate)) candidate = candidate.cause;
  const code = (candidate as { code?: unknown } | null | undefined)?.code;
  return candidate instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_')
    ? (candidate as Error & { code: string })
    : undefined;
}

const busyCodes = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);

/**
 * Turns anything thrown by the driver into an ElfError: a lock held past the busy timeout is BUSY,
 * every other SQLite failure is DATABASE, keeping the driver's error as `cause`. ElfErrors pass
 * through unchanged. The connection @elf/schema hands out applies it to every statement.
 */
export function toElfError(error: unknown): ElfError {
  if (isElfError(error)) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (busyCodes.has(code)) {
    return new ElfError('BUSY', `database is busy: another process held the lock past the busy timeout (${code})`, {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_')) {
    return new ElfError('DATABASE', `database error: ${message} (${code})`, { cause: error });
  }
  return new ElfError('INTERNAL', message, { cause: error });
}
