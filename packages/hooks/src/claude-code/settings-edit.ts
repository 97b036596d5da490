import { ElfError } from '@elf/core';
import { isElfHookCommand } from './hook-command.js';
import { elfHookEvents, elfHookTimeout } from './hook-events.js';
import { commandOnlyEvents, type ElfHttpHook, elfHttpHandler, isElfHookUrl } from './http-hook.js';

// Pure edits of a Claude Code settings object: ELF's hook handlers in, ELF's handlers out,
// everything else (other settings, the user's own hooks, their order) exactly as it was.
// ELF's handlers are of two kinds: a command running `elf hook`, or an http handler on
// elf-server's hook route. Either is ELF's, so switching transports replaces one by the other.

type Json = Record<string, unknown>;
interface Handler {
  type?: unknown;
  command?: unknown;
  url?: unknown;
  timeout?: unknown;
  [key: string]: unknown;
}
interface Group {
  matcher?: unknown;
  hooks?: unknown;
  [key: string]: unknown;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON values (key order ignored: a hand-edited file may differ in it). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return a === b;
}

export interface SettingsEdit {
  settings: Json;
  changed: boolean;
  /** Per event: added (none before), updated (an ELF handler was replaced), unchanged. */
  events: Record<string, 'added' | 'updated' | 'unchanged'>;
  /** Per event ELF handles: the kind of handler it has after the edit. */
  transports: Record<string, 'command' | 'http'>;
  /** ELF handlers removed from events ELF no longer handles (an older version's). */
  removed: string[];
}

function groupsOf(hooks: Json, event: string): Group[] {
  const groups = hooks[event];
  return Array.isArray(groups) ? (groups as Group[]) : [];
}

const refusal = (reason: string) => new ElfError('INVALID_INPUT', reason, { field: 'hooks' });

/** Refuses settings Claude Code would not read either, rather than overwrite what is there. */
function hooksOf(settings: Json): Json {
  if (settings.hooks === undefined) return {};
  if (!isObject(settings.hooks)) throw refusal('its "hooks" is not an object');
  for (const [event, groups] of Object.entries(settings.hooks)) {
    if (!Array.isArray(groups)) throw refusal(`its "hooks.${event}" is not a list`);
  }
  return settings.hooks;
}

/** ELF's command handler (this install's `current` included), or its http handler. */
const isElfHandler = (h: unknown, current?: string): h is Handler =>
  isObject(h) && (isElfHookCommand(h.command, current) || (h.type === 'http' && isElfHookUrl(h.url)));

const elfHandlers = (group: Group, current?: string): Handler[] =>
  Array.isArray(group.hooks) ? (group.hooks as unknown[]).filter((h) => isElfHandler(h, current)) : [];

const hasElf = (hooks: Json, event: string, current?: string) =>
  groupsOf(hooks, event).some((g) => isObject(g) && elfHandlers(g, current).length > 0);

/** The event's groups without ELF handlers; groups and the event key left empty by that go too. */
function withoutElf(hooks: Json, event: string, current?: string): Group[] {
  return groupsOf(hooks, event).flatMap((group) => {
    if (!isObject(group) || !Array.isArray(group.hooks)) return [group];
    const kept = (group.hooks as unknown[]).filter((h) => !isElfHandler(h, current));
    if (kept.length === group.hooks.length) return [group];
    return kept.length > 0 ? [{ ...group, hooks: kept }] : [];
  });
}

/** Drops ELF's handlers from `event`, and the event itself when nothing else is left on it. */
function dropElf(hooks: Json, event: string, current?: string): void {
  const rest = withoutElf(hooks, event, current);
  if (rest.length > 0) hooks[event] = rest;
  else delete hooks[event];
}

/** The one handler ELF wants on `event`: http where the client delivers it, else the command. */
function wantedHandler(event: string, command: string, http?: ElfHttpHook): Json {
  return http && !commandOnlyEvents.has(event)
    ? elfHttpHandler(http, elfHookTimeout)
    : { type: 'command', command, timeout: elfHookTimeout };
}

/**
 * Puts exactly one ELF handler on each event ELF handles: the command, or with `http` an http
 * handler on every event Claude Code delivers over http (SessionStart keeps the command). An
 * event that already has exactly the right one is left alone (so installing twice changes
 * nothing); otherwise its ELF handlers, of either kind, are removed and one group is appended.
 * ELF handlers on events ELF no longer handles are removed.
 */
export function installElfHooks(original: Json, command: string, http?: ElfHttpHook): SettingsEdit {
  const hooks: Json = { ...hooksOf(original) };
  const events: SettingsEdit['events'] = {};
  const transports: SettingsEdit['transports'] = {};
  const removed: string[] = [];
  const handled = new Set(elfHookEvents.map((e) => e.event));
  for (const event of Object.keys(hooks)) {
    if (handled.has(event) || !hasElf(hooks, event, command)) continue;
    dropElf(hooks, event, command);
    removed.push(event);
  }
  for (const { event, matcher } of elfHookEvents) {
    const wanted = wantedHandler(event, command, http);
    transports[event] = wanted.type as 'command' | 'http';
    const ours = groupsOf(hooks, event).flatMap((g) =>
      isObject(g) ? elfHandlers(g, command).map((h) => ({ g, h })) : [],
    );
    const only = ours.length === 1 ? ours[0] : undefined;
    if (
      only &&
      sameJson(only.h, wanted) &&
      (only.g.matcher ?? undefined) === matcher &&
      (only.g.hooks as unknown[]).length === 1
    ) {
      events[event] = 'unchanged';
      continue;
    }
    events[event] = ours.length > 0 ? 'updated' : 'added';
    hooks[event] = [...withoutElf(hooks, event, command), { ...(matcher ? { matcher } : {}), hooks: [wanted] }];
  }
  const changed = removed.length > 0 || Object.values(events).some((s) => s !== 'unchanged');
  return { settings: changed ? { ...original, hooks } : original, changed, events, transports, removed };
}

/** Removes every ELF handler, command and http alike; the user's hooks stay, and nothing is added. */
export function uninstallElfHooks(
  original: Json,
  current?: string,
): { settings: Json; changed: boolean; removed: string[] } {
  const hooks: Json = { ...hooksOf(original) };
  const removed: string[] = [];
  for (const event of Object.keys(hooks)) {
    if (!hasElf(hooks, event, current)) continue;
    dropElf(hooks, event, current);
    removed.push(event);
  }
  if (removed.length === 0) return { settings: original, changed: false, removed };
  const settings: Json = { ...original, hooks };
  if (Object.keys(hooks).length === 0) delete settings.hooks;
  return { settings, changed: true, removed };
}

export interface ElfHookStatus {
  /** Per event with an ELF handler: its command, or its URL for an http handler. */
  installed: Record<string, string>;
  /** Per event with an ELF handler: which kind it is. */
  transports: Record<string, 'command' | 'http'>;
  /** Events whose ELF http handler sends an Authorization header (the server wants its token). */
  withToken: string[];
  /** Events ELF handles that have no ELF handler. */
  missing: string[];
}

/** Which events carry an ELF handler (its command or URL), and which ELF handles but lack one. */
export function elfHookStatus(settings: Json, current?: string): ElfHookStatus {
  const hooks = isObject(settings.hooks) ? settings.hooks : {};
  const installed: Record<string, string> = {};
  const transports: ElfHookStatus['transports'] = {};
  const withToken: string[] = [];
  for (const event of Object.keys(hooks)) {
    const handler = groupsOf(hooks, event)
      .flatMap((g) => (isObject(g) ? elfHandlers(g, current) : []))
      .at(0);
    if (!handler) continue;
    const http = handler.type === 'http' && isElfHookUrl(handler.url);
    installed[event] = String(http ? handler.url : handler.command);
    transports[event] = http ? 'http' : 'command';
    if (http && isObject(handler.headers) && Object.keys(handler.headers).some((h) => /^authorization$/i.test(h)))
      withToken.push(event);
  }
  return {
    installed,
    transports,
    withToken,
    missing: elfHookEvents.map((e) => e.event).filter((e) => !(e in installed)),
  };
}

/** The plugin's hooks/hooks.json: the same events and matchers, run from the plugin's folder. */
export function pluginHooksJson(): Json {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code expands ${CLAUDE_PLUGIN_ROOT} itself
  const command = 'node "${CLAUDE_PLUGIN_ROOT}/dist/bin.js" hook';
  return {
    description: 'ELF: context at session start and per prompt, trails, failures and [LEARNED] markers captured',
    hooks: Object.fromEntries(
      elfHookEvents.map(({ event, matcher }) => [
        event,
        [{ ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command, timeout: elfHookTimeout }] }],
      ]),
    ),
  };
}
