import { isDeepStrictEqual } from 'node:util';
import { parse } from 'smol-toml';
import type { ServerCommand } from './mcp-entry.js';
import { type Header, tableHeaders, tomlString, valueEnd } from './toml-scan.js';

// Codex's [mcp_servers.NAME] table, edited as text: only our table's lines change, the rest of the
// file (comments, order, spacing) stays byte for byte. smol-toml checks the file before and the
// result after: the result must parse to the file's data with exactly our change, or nothing is written.

type Table = Record<string, unknown>;

/** The file's data; an Error saying what is wrong when it is not TOML. */
export function parseTomlConfig(text: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    const { message, line } = error as Error & { line?: number };
    const what = (message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    throw new Error(`is not valid TOML (${what}${line ? `, line ${line}` : ''})`);
  }
}

/** The `mcp_servers` table; an Error when it is there but not a table. */
export function tomlServers(config: Table): Table {
  const servers = config.mcp_servers ?? {};
  if (typeof servers !== 'object' || servers === null || Array.isArray(servers))
    throw new Error('has "mcp_servers" that is not a table');
  return servers as Table;
}

const isOurs = (header: Header, name: string) =>
  !header.array && header.path.length === 2 && header.path[0] === 'mcp_servers' && header.path[1] === name;

/** Plain objects throughout (smol-toml's tables have no prototype), dates kept, no empty mcp_servers. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, comparable(item)] as const);
  return Object.fromEntries(
    entries.filter(([key, item]) => key !== 'mcp_servers' || Object.keys(item as Table).length > 0),
  );
}

/** Refuses an edit whose result is not the expected data (a layout the text scan does not follow). */
function verified(text: string, expected: Table): string {
  let actual: unknown;
  try {
    actual = parse(text);
  } catch {
    // reported below, as any other mismatch
  }
  if (actual === undefined || !isDeepStrictEqual(comparable(actual), comparable(expected)))
    throw new Error('defines mcp_servers in a way ELF does not edit (inline or dotted keys?); change it by hand');
  return text;
}

/** The text with [mcp_servers.NAME]'s command and args set (its other keys stay); appended when absent. */
export function upsertTomlServer(text: string, name: string, server: ServerCommand): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = `command = ${tomlString(server.command)}${eol}args = [${server.args.map(tomlString).join(', ')}]${eol}`;
  const expected = parse(text) as Table;
  const servers = (expected.mcp_servers ?? {}) as Table;
  expected.mcp_servers = servers;
  servers[name] = { ...((servers[name] as Table | undefined) ?? {}), ...server };
  const headers = tableHeaders(text);
  const at = headers.findIndex((header) => isOurs(header, name));
  const ours = headers[at];
  if (!ours) {
    const base = text === '' || text.endsWith('\n') ? text : text + eol;
    return verified(`${base}${base === '' ? '' : eol}[mcp_servers.${name}]${eol}${lines}`, expected);
  }
  const bodyEnd = headers[at + 1]?.start ?? text.length;
  let body = text.slice(ours.end, bodyEnd);
  const keys = [...body.matchAll(/^[ \t]*(command|args|"command"|"args")[ \t]*=/gm)].reverse();
  for (const key of keys) body = body.slice(0, key.index) + body.slice(valueEnd(body, key.index + key[0].length));
  return verified(text.slice(0, ours.end) + lines + body + text.slice(bodyEnd), expected);
}

/** Just past the last line of `text` before `end` that is neither blank nor only a comment. */
function lastContent(text: string, from: number, end: number): number {
  const lines = text.slice(from, end).split(/(?<=\n)/);
  let cut = end;
  for (let i = lines.length - 1; i >= 0 && /^[ \t]*(#.*)?\r?\n?$/.test(lines[i] as string); i--)
    cut -= (lines[i] as string).length;
  return cut;
}

/**
 * The text without [mcp_servers.NAME] and its sub-tables ([mcp_servers.NAME.env], …). Comments
 * and blank lines after its last key stay (they usually introduce what follows), as does the
 * rest of the file; the blank line install put before it goes with it.
 */
export function removeTomlServer(text: string, name: string): string {
  const expected = parse(text) as Table;
  const servers = expected.mcp_servers as Table | undefined;
  if (!servers || !(name in servers)) return text;
  delete servers[name];
  const headers = tableHeaders(text);
  const at = headers.findIndex((header) => isOurs(header, name));
  const ours = headers[at];
  if (!ours) return verified(text, expected);
  let next = at + 1;
  while (headers[next]?.path[0] === 'mcp_servers' && headers[next]?.path[1] === name) next++;
  const end = lastContent(text, ours.start, headers[next]?.start ?? text.length);
  let before = text.slice(0, ours.start);
  let after = text.slice(end);
  const blankAfter = /^\r?\n/;
  const blankBefore = /(\r?\n)\r?\n$/;
  if (before === '') after = after.replace(blankAfter, '');
  else if ((after === '' || blankAfter.test(after)) && blankBefore.test(before))
    before = before.replace(blankBefore, '$1');
  return verified(before + after, expected);
}
