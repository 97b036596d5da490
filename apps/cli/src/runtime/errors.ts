import type { ElfErrorCode } from '@elf/schema';
import type { Command } from 'commander';

/** 0 ok, 1 invalid input (also unknown commands and flags), 2 database error, 3 busy/timeout. */
export const exitCodes: Record<ElfErrorCode, number> = {
  INVALID_INPUT: 1,
  NOT_FOUND: 1,
  INTERNAL: 1,
  DATABASE: 2,
  BUSY: 3,
};

interface ElfErrorShape {
  code: ElfErrorCode;
  field?: string | undefined;
  message: string;
}

// Recognised by shape, not by class: importing the class would load @elf/schema (and kysely)
// into every cold start, including --help. ElfError sets name 'ElfError' for exactly this.
function asElfError(error: unknown): ElfErrorShape | undefined {
  if (!(error instanceof Error) || error.name !== 'ElfError') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in exitCodes ? (error as unknown as ElfErrorShape) : undefined;
}

/** Anything that is not an ElfError is a bug here (INTERNAL): driver errors arrive as ElfErrors. */
export function exitCodeFor(error: unknown): number {
  const elfError = asElfError(error);
  return elfError ? exitCodes[elfError.code] : exitCodes.INTERNAL;
}

export function errorJson(error: unknown): { code: string; message: string; field?: string } {
  const elfError = asElfError(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: elfError?.code ?? 'INTERNAL',
    message,
    ...(elfError?.field ? { field: elfError.field } : {}),
  };
}

/** Input fields whose flag is not simply the field name in kebab case. */
const fieldFlags: Record<string, string> = {
  text: '--search',
  categories: '--category',
  files_touched: '--files',
  tests_added: '--tests',
  try_summary: '--try',
  break_summary: '--break',
  learning_extracted: '--learning',
  session_id: '--session',
};

/** Names the flag instead of the field when the command has one: `--rule-id: …` rather than `rule_id: …`. */
export function describeError(error: unknown, command: Command | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  const field = asElfError(error)?.field;
  if (!field || !command) return message;
  const flag =
    fieldFlags[field] ??
    `--${field
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .replace(/_/g, '-')
      .toLowerCase()}`;
  const known = command.options.some((option) => option.long === flag);
  return known && message.startsWith(`${field}:`) ? `${flag}${message.slice(field.length)}` : message;
}

/** One line unless --debug: then the stack (and causes) follow. */
export function formatError(error: unknown, command: Command | undefined, debug: boolean): string {
  const line = `elf: ${describeError(error, command).replace(/\s*\n\s*/g, ' ')}`;
  if (!debug || !(error instanceof Error)) return `${line}\n`;
  const parts = [line, error.stack ?? ''];
  let cause = error.cause;
  while (cause instanceof Error) {
    parts.push(`caused by: ${cause.stack ?? cause.message}`);
    cause = cause.cause;
  }
  return `${parts.join('\n')}\n`;
}
