import { ElfError } from '@elf/core';
import { elfHookEvents, elfHookTimeout } from './hook-events.js';

// Pure edits of a Claude Code settings object: ELF's hook handlers in, ELF's handlers out,
// everything else (other settings, the user's own hooks, their order) exactly as it was.

type Json = Record<string, unknown>;
interface Handler {
  type?: unknown;
  command?: unknown;
  timeout?: unknown;
  [key: string]: unknown;
}
interface Group {
  matcher?: unknown;
  hooks?: unknown;
  [key: string]: unknown;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits a shell command into words, honouring single and double quotes. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of command.matchAll(pattern)) words.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3] ?? '');
  return words;
}

/** The launchers a command runs `hook` with: each word right before a `hook` word (not `--`). */
function hookLaunchers(words: readonly string[]): string[] {
  const launchers: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i] === 'hook' && words[i - 1] !== '--') launchers.push((words[i - 1] as string).replace(/\\/g, '/'));
  }
  return launchers;
}

/**
 * True for a handler command that runs ELF's hook: the word `hook` right after an `elf` binary,
 * `@elf/cli` (npx), the published CLI's `@elf/cli/dist/bin.js`, the plugin's
 * `${CLAUDE_PLUGIN_ROOT}/dist/bin.js`, or the launcher of `current` (this install, wherever it
 * lives, with or without its start-up snapshot). Whole path segments only:
 * `/home/shelf/dist/bin.js hook` is someone else's.
 */
export function isElfHookCommand(command: unknown, current?: string): boolean {
  if (typeof command !== 'string') return false;
  if (current !== undefined && command === current) return true;
  const launchers = hookLaunchers(shellWords(command));
  if (current !== undefined) {
    const ours = new Set(hookLaunchers(shellWords(current)));
    if (launchers.some((launcher) => ours.has(launcher))) return true;
  }
  return launchers.some(
    (before) =>
      /(^|\/)elf$/.test(before) ||
      /(^|\/)@elf\/cli(@[^/]*)?$/.test(before) ||
      /(^|\/)@elf\/cli\/dist\/bin\.js$/.test(before) ||
      /^\$\{?CLAUDE_PLUGIN_ROOT\}?\/dist\/bin\.js$/.test(before),
  );
}

const quote = (path: string) => `"${path.replace(/(["\\$`])/g, '\\$1')}"`;

/** V8 flags of every hook process: a hook ends long before optimised code would pay for itself. */
export const hookV8Flags = ['--no-opt', '--no-sparkplug'] as const;

/**
 * The handler command: absolute node and CLI paths, so it works from any directory. With a
 * start-up snapshot (POSIX shells only), node starts from it, and falls back to the plain command
 * whenever it cannot: no readable snapshot, one built by another Node (node refuses it before
 * reading stdin), or one of an older bundle (it exits 75 before reading stdin). The plain path,
 * told where the snapshot belongs, rebuilds it in the background.
 */
export function elfHookCommand(nodePath: string, binPath: string, snapshot?: string): string {
  const plain = `${quote(nodePath)} ${quote(binPath)} hook`;
  if (!snapshot) return plain;
  const blob = quote(snapshot);
  return `[ -r ${blob} ] && ${quote(nodePath)} ${hookV8Flags.join(' ')} --snapshot-blob ${blob} -- hook || exec ${plain} --snapshot ${blob}`;
}

/** The node, CLI launcher and snapshot an ELF hook command runs (those it names). */
export function elfHookCommandParts(command: string): { node?: string; bin?: string; snapshot?: string } {
  const words = shellWords(command);
  const execAt = words.indexOf('exec');
  const plain = execAt >= 0 ? words.slice(execAt + 1) : words;
  const hookAt = plain.indexOf('hook');
  const snapshotAt = words.indexOf('--snapshot-blob');
  return {
    ...(hookAt >= 2 ? { node: plain[hookAt - 2] as string, bin: plain[hookAt - 1] as string } : {}),
    ...(snapshotAt >= 0 && words[snapshotAt + 1] ? { snapshot: words[snapshotAt + 1] as string } : {}),
  };
}

export interface SettingsEdit {
  settings: Json;
  changed: boolean;
  /** Per event: added (none before), updated (an ELF handler was replaced), unchanged. */
  events: Record<string, 'added' | 'updated' | 'unchanged'>;
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

const elfHandlers = (group: Group, current?: string): Handler[] =>
  Array.isArray(group.hooks)
    ? (group.hooks as Handler[]).filter((h) => isObject(h) && isElfHookCommand(h.command, current))
    : [];

/** The event's groups without ELF handlers; groups and the event key left empty by that go too. */
function withoutElf(hooks: Json, event: string, current?: string): Group[] {
  return groupsOf(hooks, event).flatMap((group) => {
    if (!isObject(group) || !Array.isArray(group.hooks)) return [group];
    const kept = (group.hooks as Handler[]).filter((h) => !(isObject(h) && isElfHookCommand(h.command, current)));
    if (kept.length === group.hooks.length) return [group];
    return kept.length > 0 ? [{ ...group, hooks: kept }] : [];
  });
}

/**
 * Puts exactly one ELF handler on each event ELF handles. An event that already has exactly the
 * right one is left alone (so installing twice changes nothing); otherwise its ELF handlers are
 * removed and one group is appended. ELF handlers on events ELF no longer handles are removed.
 */
export function installElfHooks(original: Json, command: string): SettingsEdit {
  const hooks: Json = { ...hooksOf(original) };
  const events: SettingsEdit['events'] = {};
  const removed: string[] = [];
  const handled = new Set(elfHookEvents.map((e) => e.event));
  for (const event of Object.keys(hooks)) {
    if (handled.has(event) || !groupsOf(hooks, event).some((g) => isObject(g) && elfHandlers(g, command).length > 0))
      continue;
    const rest = withoutElf(hooks, event, command);
    if (rest.length > 0) hooks[event] = rest;
    else delete hooks[event];
    removed.push(event);
  }
  for (const { event, matcher } of elfHookEvents) {
    const groups = groupsOf(hooks, event);
    const ours = groups.flatMap((g) => (isObject(g) ? elfHandlers(g, command).map((h) => ({ g, h })) : []));
    const only = ours.length === 1 ? ours[0] : undefined;
    if (
      only &&
      only.h.command === command &&
      only.h.type === 'command' &&
      only.h.timeout === elfHookTimeout &&
      (only.g.matcher ?? undefined) === matcher &&
      (only.g.hooks as unknown[]).length === 1
    ) {
      events[event] = 'unchanged';
      continue;
    }
    events[event] = ours.length > 0 ? 'updated' : 'added';
    hooks[event] = [
      ...withoutElf(hooks, event, command),
      { ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command, timeout: elfHookTimeout }] },
    ];
  }
  const changed = removed.length > 0 || Object.values(events).some((s) => s !== 'unchanged');
  return { settings: changed ? { ...original, hooks } : original, changed, events, removed };
}

/** Removes every ELF handler; the user's hooks stay, and nothing is added. */
export function uninstallElfHooks(
  original: Json,
  current?: string,
): { settings: Json; changed: boolean; removed: string[] } {
  const hooks: Json = { ...hooksOf(original) };
  const removed: string[] = [];
  for (const event of Object.keys(hooks)) {
    if (!groupsOf(hooks, event).some((g) => isObject(g) && elfHandlers(g, current).length > 0)) continue;
    const rest = withoutElf(hooks, event, current);
    if (rest.length > 0) hooks[event] = rest;
    else delete hooks[event];
    removed.push(event);
  }
  if (removed.length === 0) return { settings: original, changed: false, removed };
  const settings: Json = { ...original, hooks };
  if (Object.keys(hooks).length === 0) delete settings.hooks;
  return { settings, changed: true, removed };
}

/** Which events carry an ELF handler (and its command), and which ELF handles but lack one. */
export function elfHookStatus(
  settings: Json,
  current?: string,
): { installed: Record<string, string>; missing: string[] } {
  const hooks = isObject(settings.hooks) ? settings.hooks : {};
  const installed: Record<string, string> = {};
  for (const event of Object.keys(hooks)) {
    const handler = groupsOf(hooks, event)
      .flatMap((g) => (isObject(g) ? elfHandlers(g, current) : []))
      .at(0);
    if (handler) installed[event] = String(handler.command);
  }
  return { installed, missing: elfHookEvents.map((e) => e.event).filter((e) => !(e in installed)) };
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
