import { isDeepStrictEqual } from 'node:util';
// The ESM build: the package's "main" is a UMD wrapper whose inner require() calls esbuild cannot
// follow, so the bundle would look for jsonc-parser at run time (it is a devDependency).
import {
  applyEdits,
  findNodeAtLocation,
  getNodeValue,
  modify,
  type Node,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser/lib/esm/main.js';

// One server entry in a client's JSON (or JSON-with-comments) file, edited in place: Microsoft's
// jsonc-parser finds the nodes, and only the text of our entry changes — other servers, other
// keys, comments, key order and indentation stay byte for byte.

type Json = Record<string, unknown>;

/** The file's top-level object; an Error saying what is wrong when it is not one. */
export function parseJsonConfig(text: string, jsonc: boolean): Json {
  let value: unknown = {};
  if (text.trim() !== '') {
    const errors: ParseError[] = [];
    value = parse(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc });
    const first = errors[0];
    if (first) {
      const line = text.slice(0, first.offset).split('\n').length;
      throw new Error(
        `is not valid ${jsonc ? 'JSON with comments' : 'JSON'} (${printParseErrorCode(first.error)} on line ${line})`,
      );
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('does not hold a JSON object');
  return value as Json;
}

/** The servers object under `container`; an Error when it is there but not an object. */
export function serversIn(config: Json, container: string): Json {
  const servers = config[container] ?? {};
  if (typeof servers !== 'object' || servers === null || Array.isArray(servers))
    throw new Error(`has "${container}" that is not an object`);
  return servers as Json;
}

interface Layout {
  unit: string;
  eol: string;
}

/** The file's own indentation unit and line ending (two spaces and \n for a new file). */
function layoutOf(text: string): Layout {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1];
  return { unit: indented?.startsWith('\t') ? '\t' : (indented ?? '  '), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** The leading whitespace of the line that holds `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

const pretty = (value: unknown, indent: string, { unit, eol }: Layout) =>
  JSON.stringify(value, null, unit)
    .split('\n')
    .join(eol + indent);

/** Adds `"key": value` as the object's last property, on its own line at its siblings' indentation. */
function insertProperty(text: string, object: Node, key: string, value: unknown, layout: Layout): string {
  const last = object.children?.at(-1);
  const sameLine = last && !text.slice(object.offset, last.offset).includes('\n');
  const indent = last && !sameLine ? lineIndent(text, last.offset) : lineIndent(text, object.offset) + layout.unit;
  const property = `${JSON.stringify(key)}: ${pretty(value, indent, layout)}`;
  if (last) {
    const at = last.offset + last.length;
    return `${text.slice(0, at)},${layout.eol}${indent}${property}${text.slice(at)}`;
  }
  const open = object.offset + 1;
  const close = object.offset + object.length - 1;
  const tail =
    text.slice(open, close).trim() === ''
      ? layout.eol + lineIndent(text, object.offset) + text.slice(close)
      : text.slice(open);
  return `${text.slice(0, open)}${layout.eol}${indent}${property}${tail}`;
}

/**
 * The text with `container[name]` holding `entry`'s keys (keys of the entry that are not ours, such
 * as a user's `env`, stay). Unchanged text when it already does; a new file when `text` is null.
 */
export function upsertJsonServer(text: string | null, container: string, name: string, entry: Json): string {
  const layout = layoutOf(text ?? '');
  if (text === null || text.trim() === '')
    return `${pretty({ [container]: { [name]: entry } }, '', layout)}${layout.eol}`;
  let out = text;
  const tree = () => parseTree(out, [], { allowTrailingComma: true }) as Node;
  const servers = findNodeAtLocation(tree(), [container]);
  if (!servers) return insertProperty(out, tree(), container, { [name]: entry }, layout);
  if (!findNodeAtLocation(servers, [name])) return insertProperty(out, servers, name, entry, layout);
  for (const [key, value] of Object.entries(entry)) {
    const ours = findNodeAtLocation(tree(), [container, name]) as Node;
    const current = findNodeAtLocation(ours, [key]);
    if (current && isDeepStrictEqual(getNodeValue(current), value)) continue;
    if (!current) out = insertProperty(out, ours, key, value, layout);
    else {
      const indent = lineIndent(out, current.parent?.offset ?? current.offset);
      out = out.slice(0, current.offset) + pretty(value, indent, layout) + out.slice(current.offset + current.length);
    }
  }
  return out;
}

/**
 * The text without `container[name]` (with the comma that separated it); everything else as it
 * was. A container left with nothing in it becomes `{}`.
 */
export function removeJsonServer(text: string, container: string, name: string): string {
  const tree = (source: string) => parseTree(source, [], { allowTrailingComma: true }) as Node;
  if (!findNodeAtLocation(tree(text), [container, name])) return text;
  const out = applyEdits(text, modify(text, [container, name], undefined, {}));
  const servers = findNodeAtLocation(tree(out), [container]);
  if (servers?.type !== 'object' || servers.children?.length) return out;
  const inner = out.slice(servers.offset + 1, servers.offset + servers.length - 1);
  return inner.trim() === '' ? `${out.slice(0, servers.offset)}{}${out.slice(servers.offset + servers.length)}` : out;
}
