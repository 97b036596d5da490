import { describe, expect, it } from 'vitest';
import { elfHookCommand, isElfHookCommand } from './hook-command.js';
import { elfHookEvents } from './hook-events.js';
import { elfHookStatus, installElfHooks, uninstallElfHooks } from './settings-edit.js';

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
      transports: Object.fromEntries(elfHookEvents.map((e) => [e.event, 'command'])),
      withToken: [],
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

describe('the http transport', () => {
  const url = 'http://127.0.0.1:4747/hooks/claude-code';
  const elfGroups = (settings: any, event: string) =>
    (settings.hooks[event] ?? []).filter((g: any) =>
      g.hooks.some((h: any) => isElfHookCommand(h.command) || h.url?.endsWith('/hooks/claude-code')),
    );

  it('puts an http handler on every event the client delivers over http; SessionStart keeps the command', () => {
    const edit = installElfHooks(userSettings(), command, { url, token: false });
    expect(edit.changed).toBe(true);
    for (const { event, matcher } of elfHookEvents) {
      const wanted =
        event === 'SessionStart' ? { type: 'command', command, timeout: 10 } : { type: 'http', url, timeout: 10 };
      expect(elfGroups(edit.settings, event)).toEqual([{ ...(matcher ? { matcher } : {}), hooks: [wanted] }]);
      expect(edit.transports[event]).toBe(event === 'SessionStart' ? 'command' : 'http');
    }
    const status = elfHookStatus(edit.settings, command);
    expect(status.missing).toEqual([]);
    expect(status.installed.UserPromptSubmit).toBe(url);
    expect(status.transports).toMatchObject({ SessionStart: 'command', PostToolUse: 'http', PreCompact: 'http' });
    // The user's own hooks are where they were.
    expect((edit.settings as any).hooks.Stop).toEqual(userSettings().hooks.Stop);
    expect((edit.settings as any).hooks.PostToolUse.slice(0, 2)).toEqual(userSettings().hooks.PostToolUse);
    const again = installElfHooks(edit.settings, command, { url, token: false });
    expect(again.changed).toBe(false);
    expect(again.settings).toBe(edit.settings);
  });

  it('switches transports in place, both ways, and moves the server', () => {
    const commands = installElfHooks(userSettings(), command).settings;
    const http = installElfHooks(commands, command, { url, token: false });
    expect(http.events.SessionStart).toBe('unchanged');
    expect(http.events.UserPromptSubmit).toBe('updated');
    for (const { event } of elfHookEvents) expect(elfGroups(http.settings, event)).toHaveLength(1);
    const moved = installElfHooks(http.settings, command, {
      url: 'https://elf.lan:8443/hooks/claude-code',
      token: true,
    });
    expect(moved.events.UserPromptSubmit).toBe('updated');
    expect(elfGroups(moved.settings, 'UserPromptSubmit')[0].hooks).toEqual([
      {
        type: 'http',
        url: 'https://elf.lan:8443/hooks/claude-code',
        timeout: 10,
        headers: { Authorization: 'Bearer $ELF_SERVER_TOKEN' },
        allowedEnvVars: ['ELF_SERVER_TOKEN'],
      },
    ]);
    expect(JSON.stringify(moved.settings)).not.toContain('127.0.0.1');
    expect(elfHookStatus(moved.settings).withToken.sort()).toEqual(
      elfHookEvents
        .map((e) => e.event)
        .filter((e) => e !== 'SessionStart')
        .sort(),
    );
    const back = installElfHooks(moved.settings, command);
    expect(back.events.SessionStart).toBe('unchanged');
    expect(back.events.PreCompact).toBe('updated');
    expect(back.settings).toEqual(commands);
  });

  it('treats a hand-reordered http handler as unchanged, and a stray ELF http handler as ELF’s', () => {
    const installed = installElfHooks({}, command, { url, token: false }).settings as any;
    installed.hooks.UserPromptSubmit[0].hooks[0] = { timeout: 10, url, type: 'http' };
    expect(installElfHooks(installed, command, { url, token: false }).events.UserPromptSubmit).toBe('unchanged');
    installed.hooks.Notification = [{ hooks: [{ type: 'http', url: 'http://old:1/hooks/claude-code/' }] }];
    installed.hooks.Stop = [{ hooks: [{ type: 'http', url: 'http://127.0.0.1:9999/other-hook' }] }];
    const edit = installElfHooks(installed, command, { url, token: false });
    expect(edit.removed).toEqual(['Notification']);
    expect((edit.settings as any).hooks.Stop).toEqual(installed.hooks.Stop); // not ours: another route
  });

  it('uninstall removes both kinds and gives back the user’s settings exactly', () => {
    const http = installElfHooks(userSettings(), command, { url, token: true }).settings;
    const removed = uninstallElfHooks(http);
    expect(removed.removed.sort()).toEqual(elfHookEvents.map((e) => e.event).sort());
    expect(removed.settings).toEqual(userSettings());
    // Seen from another install, a checkout's command is not ELF's, but its http handlers are.
    const dev = '"/n/node" "/home/me/src/elf/apps/cli/dist/bin.js" hook';
    expect(uninstallElfHooks(installElfHooks({}, dev, { url, token: false }).settings, command).settings).toEqual({
      hooks: { SessionStart: [{ hooks: [{ type: 'command', command: dev, timeout: 10 }] }] },
    });
  });
});
