/**
 * The block of a file that ELF owns, between two marker lines. Everything outside it belongs to
 * the user and is kept byte for byte; the block itself is rewritten on every export.
 */
export const blockStart = '<!-- elf:golden-rules:start -->';
export const blockEnd = '<!-- elf:golden-rules:end -->';

/** The existing block cannot be replaced safely; the caller names the file and writes nothing. */
export class MalformedBlockError extends Error {
  override name = 'MalformedBlockError';
}

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

/**
 * Where the block is: from its start marker's first character to just past its end marker (the
 * end marker's line terminator stays outside). Markers count only as whole lines, so prose that
 * mentions them inline is left alone. Null when there is no block.
 */
export function locateManagedBlock(text: string): { start: number; end: number } | null {
  const starts: Line[] = [];
  const ends: Line[] = [];
  for (const line of lines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === blockStart) starts.push(line);
    else if (trimmed === blockEnd) ends.push(line);
  }
  if (starts.length === 0 && ends.length === 0) return null;
  if (starts.length > 1) throw new MalformedBlockError(`${starts.length} start markers (${blockStart})`);
  if (ends.length > 1) throw new MalformedBlockError(`${ends.length} end markers (${blockEnd})`);
  const [start] = starts;
  const [end] = ends;
  if (!start) throw new MalformedBlockError(`an end marker without a start marker (${blockStart})`);
  if (!end) throw new MalformedBlockError(`a start marker without an end marker (${blockEnd})`);
  if (end.start < start.start) throw new MalformedBlockError('the end marker comes before the start marker');
  return { start: start.start, end: end.end };
}

/** The file's own line ending, so a CRLF file gets a CRLF block. */
const eolOf = (text: string | null) => (text?.includes('\r\n') ? '\r\n' : '\n');

function block(body: string, eol: string): string {
  const inner = body.replace(/\r?\n$/, '').replace(/\r?\n/g, eol);
  return [blockStart, ...(inner === '' ? [] : [inner]), blockEnd].join(eol);
}

/**
 * Replaces the block in place, or appends one after a blank line (a missing or empty file becomes
 * just the block). Throws MalformedBlockError for a broken block. Idempotent for the same body.
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
