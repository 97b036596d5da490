// Just enough of TOML's surface to find one table's text in a file: header lines and where a key's
// value ends. What is edited with it is parsed again afterwards (toml-config.ts), so a file this
// does not understand is refused, never damaged.

export interface Header {
  /** Offset of the line's first character, and just past its line break. */
  start: number;
  end: number;
  path: string[];
  /** `[[array.of.tables]]` */
  array: boolean;
}

const keyPart = /\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(\.|$)/y;

/** A dotted key's parts, unquoted; null when it is not one. */
function keyPath(key: string): string[] | null {
  const parts: string[] = [];
  keyPart.lastIndex = 0;
  while (keyPart.lastIndex < key.length) {
    const m = keyPart.exec(key);
    if (!m) return null;
    const part = m[1] as string;
    parts.push(part.startsWith('"') ? (JSON.parse(part) as string) : part.replace(/^'|'$/g, ''));
    if (m[2] === '') break;
  }
  return parts.length > 0 ? parts : null;
}

/** Every table header line of the text, in order. */
export function tableHeaders(text: string): Header[] {
  const headers: Header[] = [];
  const line = /^[ \t]*(\[\[?)([^\]\n]+)(\]\]?)[ \t]*(#[^\n]*)?(\r?\n|$)/gm;
  for (const m of text.matchAll(line)) {
    const path = keyPath(m[2] as string);
    const array = m[1] === '[[';
    if (path && array === (m[3] === ']]')) headers.push({ start: m.index, end: m.index + m[0].length, path, array });
  }
  return headers;
}

/**
 * Just past the value that starts at `from` and the end of its line: strings of all four kinds,
 * arrays and inline tables over several lines, comments inside them.
 */
export function valueEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    const triple = text.slice(i, i + 3);
    if (triple === '"""' || triple === "'''") {
      const close = text.indexOf(triple, i + 3);
      i = close < 0 ? text.length : close + 3;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i += text[i] === '\\' ? 2 : 1);
      i++;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else {
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      else if (c === '\n' && depth <= 0) return i + 1;
      i++;
    }
  }
  return text.length;
}

/** TOML basic strings take JSON's escapes. */
export const tomlString = (value: string) => JSON.stringify(value);
