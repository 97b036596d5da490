// ELF's command handler: the shell line Claude Code runs for `elf hook`, and how to tell ELF's
// lines from everyone else's (so install, uninstall and status touch only ours).

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
