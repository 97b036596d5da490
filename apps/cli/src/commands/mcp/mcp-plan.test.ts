import { describe, expect, it } from 'vitest';
import { changeHunk } from './change-hunk.js';
import type { ConfigFormat } from './mcp-clients.js';
import { describeEntry, planInstall, planUninstall } from './mcp-plan.js';

const cursor: ConfigFormat = { kind: 'json', container: 'mcpServers', jsonc: false, stdioType: false };
const codex: ConfigFormat = { kind: 'toml' };
const server = { command: '/usr/bin/node', args: ['/usr/lib/node_modules/@elf/cli/dist/bin.js', 'mcp'] };

describe('planInstall / planUninstall', () => {
  it('adds, then finds nothing to change, then removes', () => {
    for (const format of [cursor, codex]) {
      const added = planInstall(format, null, server);
      expect(added.action).toBe('added');
      expect(planInstall(format, added.next, server)).toMatchObject({ action: 'unchanged', next: added.next });
      const moved = planInstall(
        format,
        added.next,
        { ...server, args: ['/opt/elf2/bin.js', 'mcp'] },
        '/opt/elf2/bin.js',
      );
      expect(moved.action).toBe('updated');
      expect(planUninstall(format, moved.next).action).toBe('foreign');
      expect(planUninstall(format, moved.next, '/opt/elf2/bin.js').action).toBe('removed');
      expect(planUninstall(format, null).action).toBe('absent');
    }
  });

  it('refuses to replace someone else’s `elf`, and uninstall leaves it', () => {
    const theirs = '{"mcpServers": {"elf": {"url": "https://elf.example/mcp"}}}';
    expect(() => planInstall(cursor, theirs, server)).toThrow(
      'has a server named "elf" that does not run `elf mcp` (https://elf.example/mcp); rename or remove it first',
    );
    expect(planUninstall(cursor, theirs)).toMatchObject({ action: 'foreign', next: theirs });
    expect(describeEntry({ command: 'python', args: ['-m', 'elf'] })).toBe('python -m elf');
  });
});

describe('changeHunk', () => {
  it('shows the changed lines between what stays the same', () => {
    expect(changeHunk('a\nb\nc\n', 'a\nB\nb2\nc\n')).toBe('@@ line 2 @@\n- b\n+ B\n+ b2');
    expect(changeHunk('', 'x\n')).toBe('@@ line 1 @@\n+ x');
    expect(changeHunk('a\r\nb\r\n', 'a\r\n')).toBe('@@ line 2 @@\n- b');
    expect(changeHunk('same', 'same')).toBe('');
  });
});
