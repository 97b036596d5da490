import { describe, expect, it } from 'vitest';
import { elfHookEvents } from './hook-events.js';
import {
  elfHookCommand,
  elfHookCommandParts,
  elfHookStatus,
  installElfHooks,
  isElfHookCommand,
  shellWords,
  uninstallElfHooks,
} from './settings-edit.js';

const command = elfHookCommand('/usr/bin/node', '/opt/elf/node_modules/@elf/cli/dist/bin.js');

/** A settings file as users have them: other keys, their own hooks on several events. */
const userSettings = () => ({
  permissions: { allow: ['Bash(npm test:*)'] },
  model: 'sonnet',
  hooks: {
    PostToolUse: [
      { matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write "$FILE"' }] },
      { matcher: 'Bash', hooks: [{ type: 'command', command: '~/bin/log-bash.sh', timeout: 5 }] },
    ],
    Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
    SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'cat ~/notes.md' }] }],
  },
});

describe('isElfHookCommand', () => {
  it('recognises ELF’s hook however it was installed, and nothing else', () => {
    expect(isElfHookCommand(command)).toBe(true);
    expect(isElfHookCommand('elf hook')).toBe(true);
    expect(isElfHookCommand('/usr/local/bin/elf hook --prompt-tokens 500')).toBe(true);
    expect(isElfHookCommand('npx @elf/cli hook')).toBe(true);
    expect(isElfHookCommand('npx -y @elf/cli@1.2.0 hook')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the plugin's command, which Claude Code expands
    expect(isElfHookCommand('node "${CLAUDE_PLUGIN_ROOT}/dist/bin.js" hook')).toBe(true);
    expect(isElfHookCommand('node C:\\Users\\me\\node_modules\\@elf\\cli\\dist\\bin.js hook')).toBe(true);
    // A development checkout is recognised when it is this install's own command.
    const dev = '"/n/node" "/home/me/src/elf/apps/cli/dist/bin.js" hook';
    expect(isElfHookCommand(dev)).toBe(false);
    expect(isElfHookCommand(dev, dev)).toBe(true);
    // Whole path segments only: other people's tools are never taken for ELF.
    expect(isElfHookCommand('node /home/shelf/tools/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('node /srv/myself/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('node /work/monorepo/apps/cli/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('/opt/delfina/elf-tools hook')).toBe(false);
    expect(isElfHookCommand('git hook')).toBe(false);
    expect(isElfHookCommand('npx husky hook')).toBe(false);
    expect(isElfHookCommand('elf query --domain hook')).toBe(false);
    expect(isElfHookCommand(42)).toBe(false);
  });

  it('recognises the snapshot form by its launcher, and this install in either form', () => {
    const dev = '"/n/node" "/home/me/src/elf/apps/cli/dist/bin.js" hook';
    const snapshotted = elfHookCommand(
      '/n/node',
      '/home/me/src/elf/apps/cli/dist/bin.js',
      '/home/me/.elf/cache/elf-hook.blob',
    );
    expect(isElfHookCommand(snapshotted, dev)).toBe(true);
    expect(isElfHookCommand(dev, snapshotted)).toBe(true);
    expect(isElfHookCommand(snapshotted)).toBe(false); // a checkout's, seen from another install
    const published = elfHookCommand(
      '/n/node',
      '/opt/lib/node_modules/@elf/cli/dist/bin.js',
      '/h/.elf/cache/elf-hook.blob',
    );
    expect(isElfHookCommand(published)).toBe(true);
    // The `hook` after the snapshot's `--` is not a launcher: someone else's snapshot stays theirs.
    expect(isElfHookCommand('node --snapshot-blob /x/other.blob -- hook')).toBe(false);
  });

  it('builds the snapshot command with a plain fallback, and reads its parts back', () => {
    const snapshotted = elfHookCommand('/usr/bin/node', '/opt/elf/bin.js', '/h/a b/elf-hook.blob');
    expect(snapshotted).toBe(
      '[ -r "/h/a b/elf-hook.blob" ] && "/usr/bin/node" --no-opt --no-sparkplug --snapshot-blob "/h/a b/elf-hook.blob" -- hook || exec "/usr/bin/node" "/opt/elf/bin.js" hook --snapshot "/h/a b/elf-hook.blob"',
    );
    expect(elfHookCommandParts(snapshotted)).toEqual({
      node: '/usr/bin/node',
      bin: '/opt/elf/bin.js',
      snapshot: '/h/a b/elf-hook.blob',
    });
    expect(elfHookCommandParts(elfHookCommand('/usr/bin/node', '/opt/elf/bin.js'))).toEqual({
      node: '/usr/bin/node',
      bin: '/opt/elf/bin.js',
    });
    expect(elfHookCommand('/n', '/b', '/c/$HOME`x`"q"')).toContain('"/c/\\$HOME\\`x\\`\\"q\\""');
  });

  it('splits shell words with quotes', () => {
    expect(shellWords(`"a b" 'c d' e\\ f "g\\"h"`)).toEqual(['a b', 'c d', 'e\\', 'f', 'g"h']);
  });
});

describe('installElfHooks', () => {
  it('adds one ELF handler per event, keeps everything else in order, and changes nothing the second time', () => {
    const original = userSettings();
    const first = installElfHooks(original, command);
    expect(first.changed).toBe(true);
    expect(Object.values(first.events).every((s) => s === 'added')).toBe(true);
    const s = first.settings as ReturnType<typeof userSettings> & { hooks: Record<string, any[]> };
    expect(s.permissions).toEqual(original.permissions);
    expect(s.model).toBe('sonnet');
    expect(s.hooks.Stop).toEqual(original.hooks.Stop);
    expect(s.hooks.PostToolUse.slice(0, 2)).toEqual(original.hooks.PostToolUse);
    expect(s.hooks.SessionStart[0]).toEqual(original.hooks.SessionStart[0]);
    for (const { event, matcher } of elfHookEvents) {
      const ours = (s.hooks[event] ?? []).filter((g: any) => g.hooks.some((h: any) => isElfHookCommand(h.command)));
      expect(ours).toEqual([{ ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command, timeout: 10 }] }]);
    }
    const second = installElfHooks(first.settings, command);
    expect(second.changed).toBe(false);
    expect(second.settings).toBe(first.settings);
    expect(original).toEqual(userSettings()); // the input is never mutated
  });

  it('moves an install to a new location, removes duplicates and ELF on events it no longer handles', () => {
    const old = elfHookCommand('/old/node', '/old/lib/node_modules/@elf/cli/dist/bin.js');
    const installed = installElfHooks(userSettings(), old).settings as any;
    installed.hooks.PostToolUse.push({ matcher: 'Read', hooks: [{ type: 'command', command: 'elf hook' }] });
    installed.hooks.Notification = [
      {
        hooks: [
          { type: 'command', command: old },
          { type: 'command', command: 'notify-send hi' },
        ],
      },
    ];
    const moved = installElfHooks(installed, command);
    expect(moved.events.PostToolUse).toBe('updated');
    expect(moved.events.SessionStart).toBe('updated');
    expect(moved.removed).toEqual(['Notification']);
    const hooks = (moved.settings as any).hooks;
    expect(hooks.Notification).toEqual([{ hooks: [{ type: 'command', command: 'notify-send hi' }] }]);
    expect(JSON.stringify(hooks)).not.toContain('/old/');
    expect(elfHookStatus(moved.settings).installed.PostToolUse).toBe(command);
    expect(hooks.PostToolUse.filter((g: any) => g.hooks.some((h: any) => isElfHookCommand(h.command)))).toHaveLength(1);
  });

  it('refuses settings Claude Code could not read, instead of overwriting them', () => {
    expect(() => installElfHooks({ hooks: [] }, command)).toThrow(/"hooks" is not an object/);
    expect(() => installElfHooks({ hooks: { PostToolUse: { matcher: 'x' } } }, command)).toThrow(
      /"hooks.PostToolUse" is not a list/,
    );
    expect(() => uninstallElfHooks({ hooks: 'none' })).toThrow(/"hooks" is not an object/);
  });
});

describe('uninstallElfHooks and elfHookStatus', () => {
  it('uninstalling after installing gives back the user’s settings exactly', () => {
    const installed = installElfHooks(userSettings(), command).settings;
    expect(elfHookStatus(installed)).toEqual({
      installed: Object.fromEntries(elfHookEvents.map((e) => [e.event, command])),
      missing: [],
    });
    const removed = uninstallElfHooks(installed);
    expect(removed.changed).toBe(true);
    expect(removed.settings).toEqual(userSettings());
    expect(uninstallElfHooks(removed.settings).changed).toBe(false);
    expect(uninstallElfHooks(installElfHooks({}, command).settings).settings).toEqual({});
    expect(elfHookStatus(userSettings()).missing).toEqual(elfHookEvents.map((e) => e.event));
  });
});
