import { ElfError } from '@elf/core';

/**
 * The block of an agent's instructions file (CLAUDE.md, AGENTS.md, a Cursor rule) that ELF owns,
 * between two marker lines. Everything outside it belongs to the user and is kept byte for byte;
 * the block itself is rewritten on every `elf golden export`, and its presence tells the hooks
 * that the agent already reads the golden rules it lists.
 */
export const goldenBlockStart = '<!-- elf:golden-rules:start -->';
export const goldenBlockEnd = '<!-- elf:golden-rules:end -->';

interface Line {
  /** Offset of the line's first character and of its terminator (or the end of the text). */
  start: number;
  end: number;
  text: string;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    yield { start, end, text: text.slice(start, end) };
    start = next;
  }
}

type Span = { start: number; end: number };

/** The block's span, or why there is no usable one. */
function scan(text: string): { span: Span | null; problem: string | null } {
  const starts: Line[] = [];
  const ends: Line[] = [];
  for (const line of lines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === goldenBlockStart) starts.push(line);
    else if (trimmed === goldenBlockEnd) ends.push(line);
  }
  const malformed = (problem: string) => ({ span: null, problem });
  if (starts.length === 0 && ends.length === 0) return { span: null, problem: null };
  if (starts.length > 1) return malformed(`${starts.length} start markers (${goldenBlockStart})`);
  if (ends.length > 1) return malformed(`${ends.length} end markers (${goldenBlockEnd})`);
  const [start] = starts;
  const [end] = ends;
  if (!start) return malformed(`an end marker without a start marker (${goldenBlockStart})`);
  if (!end) return malformed(`a start marker without an end marker (${goldenBlockEnd})`);
  if (end.start < start.start) return malformed('the end marker comes before the start marker');
  return { span: { start: start.start, end: end.end }, problem: null };
}

/**
 * Why the text's block cannot be replaced safely (two start markers, a start without an end, …),
 * or null when it has one well-formed block or none.
 */
export function managedBlockProblem(text: string): string | null {
  return scan(text).problem;
}

/**
 * Where the block is: from its start marker's first character to just past its end marker (the
 * end marker's line terminator stays outside). Markers count only as whole lines, so prose that
 * mentions them inline is left alone. Null when there is no block; an INVALID_INPUT ElfError
 * when it is malformed.
 */
export function locateManagedBlock(text: string): Span | null {
  const { span, problem } = scan(text);
  if (problem) throw new ElfError('INVALID_INPUT', `malformed ELF block: ${problem}`);
  return span;
}

/** The file's own line ending, so a CRLF file gets a CRLF block. */
const eolOf = (text: string | null) => (text?.includes('\r\n') ? '\r\n' : '\n');

function block(body: string, eol: string): string {
  const inner = body.replace(/\r?\n$/, '').replace(/\r?\n/g, eol);
  return [goldenBlockStart, ...(inner === '' ? [] : [inner]), goldenBlockEnd].join(eol);
}

/**
 * Replaces the block in place, or appends one after a blank line (a missing or empty file becomes
 * just the block). A malformed block is an INVALID_INPUT ElfError. Idempotent for the same body.
 */
export function upsertManagedBlock(existing: string | null, body: string): string {
  const eol = eolOf(existing);
  const fresh = block(body, eol);
  if (existing === null || existing === '') return `${fresh}${eol}`;
  const found = locateManagedBlock(existing);
  if (found) return existing.slice(0, found.start) + fresh + existing.slice(found.end);
  // Append: the existing bytes stay a prefix; only the separator before the block is added.
  const separator = existing.endsWith(`${eol}${eol}`) ? '' : existing.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${existing}${separator}${fresh}${eol}`;
}

/**
 * Takes the block out with its line terminator, and the blank line that set it apart: undoes an
 * append up to the final newline. Text without a block comes back unchanged.
 */
export function removeManagedBlock(existing: string): string {
  const found = locateManagedBlock(existing);
  if (!found) return existing;
  const eol = eolOf(existing);
  let before = existing.slice(0, found.start);
  let after = existing.slice(found.end);
  if (after.startsWith(eol)) after = after.slice(eol.length);
  if (after === '') {
    // The block ended the file: drop the blank line before it, keep one final newline.
    if (before.endsWith(`${eol}${eol}`)) before = before.slice(0, -eol.length);
  } else if (before.endsWith(`${eol}${eol}`) && after.startsWith(eol)) {
    after = after.slice(eol.length);
  }
  return before + after;
}
