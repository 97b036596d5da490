import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, elf, json, sandbox } from './support/run-elf.js';

const events = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'SubagentStop',
  'PreCompact',
  'SessionEnd',
];

const userSettings = {
  permissions: { allow: ['Bash(npm test:*)'], deny: [] },
  hooks: {
    PostToolUse: [
      { matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write "$FILE"' }] },
      { matcher: 'Bash', hooks: [{ type: 'command', command: '~/bin/log-bash.sh', timeout: 5 }] },
    ],
    Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
    UserPromptSubmit: [{ hooks: [{ type: 'command', command: '~/bin/prompt-guard.sh' }] }],
  },
  statusLine: { type: 'command', command: '~/bin/status.sh' },
};

const elfHandlers = (settings: any, event: string) =>
  (settings.hooks[event] ?? []).flatMap((g: any) => g.hooks).filter((h: any) => /bin\.js" hook( |$)/.test(h.command));

describe('elf hooks install / uninstall / status (built binary)', () => {
  it('installs once per event into user settings that have other hooks, keeping them; twice changes nothing', () => {
    const box = sandbox();
    const file = join(box.home, '.claude', 'settings.json');
    mkdirSync(join(box.home, '.claude'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(userSettings, null, 2)}\n`);
    const db = join(box.home, '.elf', 'elf.db');
    const first = elf(box, ['hooks', 'install']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^updated .*settings\.json/);
    expect(first.stdout).toContain('[LEARNED:domain]');
    expect(existsSync(db)).toBe(true); // hooks never create the database: install does
    const after = JSON.parse(readFileSync(file, 'utf8'));
    for (const event of events) expect(elfHandlers(after, event)).toHaveLength(1);
    const command = elfHandlers(after, 'SessionStart')[0].command as string;
    // Started from the snapshot install built, falling back to the plain command (see hook-snapshot.test.ts).
    const blob = join(box.home, '.elf', 'cache', 'elf-hook.blob');
    const plain = `"${process.execPath}" "${realpathSync(bin)}" hook`;
    expect(command).toBe(
      `[ -r "${blob}" ] && "${process.execPath}" --no-opt --no-sparkplug --snapshot-blob "${blob}" -- hook || exec ${plain} --snapshot "${blob}"`,
    );
    expect(existsSync(blob)).toBe(true);
    // The user's own entries: same content, same order.
    expect(after.permissions).toEqual(userSettings.permissions);
    expect(after.statusLine).toEqual(userSettings.statusLine);
    expect(after.hooks.Stop).toEqual(userSettings.hooks.Stop);
    expect(after.hooks.PostToolUse.slice(0, 2)).toEqual(userSettings.hooks.PostToolUse);
    expect(after.hooks.UserPromptSubmit[0]).toEqual(userSettings.hooks.UserPromptSubmit[0]);
    const backups = () => readdirSync(join(box.home, '.claude')).filter((f) => f.includes('.elf-backup-'));
    expect(backups()).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(box.home, '.claude', backups()[0] as string), 'utf8'))).toEqual(userSettings);
    const bytes = readFileSync(file, 'utf8');
    const second = json(elf(box, ['hooks', 'install', '--json']));
    expect(second.changed).toBe(false);
    expect(Object.values(second.events)).toEqual(events.map(() => 'unchanged'));
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(backups()).toHaveLength(1);

    // The installed command really runs the hook from elsewhere: a SessionStart gives context.
    const out = execFileSync('sh', ['-c', command], {
      input: JSON.stringify({ hook_event_name: 'SessionStart', session_id: 's', cwd: box.dir, source: 'startup' }),
      cwd: '/',
      env: { ...box.env },
      encoding: 'utf8',
    });
    expect(JSON.parse(out).hookSpecificOutput.additionalContext).toContain('Golden rules');

    const status = json(elf(box, ['hooks', 'status', '--json']));
    const user = status.scopes.find((s: { scope: string }) => s.scope === 'user');
    expect(Object.keys(user.installed).sort()).toEqual([...events].sort());
    expect(user.missing).toEqual([]);
    expect(user.commands).toEqual([{ command, resolves: true, snapshot: blob, snapshotState: 'current' }]);

    const removed = elf(box, ['hooks', 'uninstall']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(userSettings);
    expect(elf(box, ['hooks', 'uninstall']).stdout).toMatch(/^no ELF hooks in /);
  });

  it('--dry-run writes nothing; invalid JSON is refused with one line and left untouched', () => {
    const box = sandbox();
    const file = join(box.home, '.claude', 'settings.json');
    const dry = elf(box, ['hooks', 'install', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would update .*settings\.json\n {2}SessionStart +added/);
    expect(existsSync(file)).toBe(false);
    mkdirSync(join(box.home, '.claude'), { recursive: true });
    writeFileSync(file, '{ "hooks": { oops');
    const bad = elf(box, ['hooks', 'install']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^elf: --scope: .*settings\.json is not valid JSON .*nothing changed\n$/);
    expect(readFileSync(file, 'utf8')).toBe('{ "hooks": { oops');
    expect(elf(box, ['hooks', 'install', '--scope', 'team']).code).toBe(1);
  });

  it('project and local scopes write .claude/settings(.local).json at the repository root', () => {
    const box = sandbox();
    const repo = join(box.dir, 'repo');
    mkdirSync(join(repo, 'src', 'deep'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const cwd = join(repo, 'src', 'deep');
    expect(elf(box, ['hooks', 'install', '--scope', 'project'], { cwd }).code).toBe(0);
    expect(elf(box, ['hooks', 'install', '--scope', 'local'], { cwd }).code).toBe(0);
    for (const name of ['settings.json', 'settings.local.json']) {
      const settings = JSON.parse(readFileSync(join(repo, '.claude', name), 'utf8'));
      for (const event of events) expect(elfHandlers(settings, event)).toHaveLength(1);
    }
    const status = json(elf(box, ['hooks', 'status', '--json'], { cwd }));
    expect(status.scopes.map((s: { scope: string; exists: boolean }) => [s.scope, s.exists])).toEqual([
      ['user', false],
      ['project', true],
      ['local', true],
    ]);
  });
});

describe('elf hooks install: edge cases', () => {
  it('follows a symlinked settings file (dotfiles), keeps one backup per change even within a second', () => {
    const box = sandbox();
    const dotfiles = join(box.dir, 'dotfiles');
    mkdirSync(dotfiles);
    mkdirSync(join(box.home, '.claude'), { recursive: true });
    writeFileSync(join(dotfiles, 'settings.json'), `${JSON.stringify(userSettings, null, 2)}\n`);
    const link = join(box.home, '.claude', 'settings.json');
    symlinkSync(join(dotfiles, 'settings.json'), link);
    expect(elf(box, ['hooks', 'install']).code).toBe(0);
    expect(elf(box, ['hooks', 'uninstall']).code).toBe(0);
    expect(elf(box, ['hooks', 'install']).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const settings = JSON.parse(readFileSync(join(dotfiles, 'settings.json'), 'utf8'));
    for (const event of events) expect(elfHandlers(settings, event)).toHaveLength(1);
    const backups = readdirSync(dotfiles).filter((f) => f.includes('.elf-backup-'));
    expect(backups).toHaveLength(3);
    // The first backup is the user's original file.
    const first = backups.sort()[0] as string;
    expect(JSON.parse(readFileSync(join(dotfiles, first), 'utf8'))).toEqual(userSettings);
  });

  it('refuses settings whose hooks are malformed, with one line naming the file, and changes nothing', () => {
    const box = sandbox();
    const file = join(box.home, '.claude', 'settings.json');
    mkdirSync(join(box.home, '.claude'), { recursive: true });
    writeFileSync(file, '{"hooks": {"PostToolUse": {"matcher": "Edit"}}}');
    const result = elf(box, ['hooks', 'install']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `elf: --scope: ${realpathSync(file)}: its "hooks.PostToolUse" is not a list; nothing changed\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"hooks": {"PostToolUse": {"matcher": "Edit"}}}');
  });

  it('--dry-run on an up-to-date install says so', () => {
    const box = sandbox();
    expect(elf(box, ['hooks', 'install']).code).toBe(0);
    expect(elf(box, ['hooks', 'install', '--dry-run']).stdout).toMatch(/^already installed: /);
  });
});

describe('elf hook --help', () => {
  it('shows the hook’s options (the launcher sends it to the full CLI)', () => {
    const result = elf(sandbox(), ['hook', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: elf hook \[options\]/);
    expect(result.stdout).toContain('--prompt-tokens');
  });
});
