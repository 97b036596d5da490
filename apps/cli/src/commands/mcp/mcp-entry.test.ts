import { describe, expect, it } from 'vitest';
import { elfServerCommand, isElfServer, jsonServerEntry } from './mcp-entry.js';

const current = '/opt/dev/elf/apps/cli/dist/bin.js';
const entry = (command: string, ...args: string[]) => ({ command, args });

describe('elfServerCommand / jsonServerEntry', () => {
  it('runs this node and launcher with `mcp`, and --db when given', () => {
    expect(elfServerCommand('/usr/bin/node', current)).toEqual({ command: '/usr/bin/node', args: [current, 'mcp'] });
    expect(elfServerCommand('/usr/bin/node', current, '/d/elf.db').args).toEqual([current, 'mcp', '--db', '/d/elf.db']);
    expect(jsonServerEntry({ command: 'n', args: [] }, true)).toEqual({ type: 'stdio', command: 'n', args: [] });
    expect(jsonServerEntry({ command: 'n', args: [] }, false)).toEqual({ command: 'n', args: [] });
  });
});

describe('isElfServer', () => {
  it('recognises every way of running `elf mcp`', () => {
    for (const ours of [
      entry('/usr/bin/node', current, 'mcp'),
      entry('/usr/bin/node', current, 'mcp', '--db', '/x/elf.db'),
      entry('elf', 'mcp'),
      entry('/home/me/.local/bin/elf', '--db', '/x.db', 'mcp'),
      entry('C:\\Users\\me\\AppData\\Roaming\\npm\\elf.cmd', 'mcp'),
      entry('npx', '-y', '@elf/cli', 'mcp'),
      entry('npx', '-y', '@elf/cli@1.2.0', 'mcp'),
      entry('node', '/usr/lib/node_modules/@elf/cli/dist/bin.js', 'mcp', '--debug'),
      { type: 'stdio', command: '/usr/bin/node', args: [current, 'mcp'], env: {} },
    ])
      expect(isElfServer(ours, current), JSON.stringify(ours)).toBe(true);
  });

  it('leaves everyone else’s alone', () => {
    for (const theirs of [
      entry('python', 'serve.py'),
      entry('/home/shelf/bin.js', 'mcp'),
      entry('node', '/home/me/shelf/dist/bin.js', 'mcp'),
      entry('elf', 'mcp', 'install'),
      entry('elf', 'hook'),
      entry('elf'),
      { url: 'https://example.com/mcp' },
      { command: 'elf', args: 'mcp' },
      'elf mcp',
      null,
    ])
      expect(isElfServer(theirs, current), JSON.stringify(theirs)).toBe(false);
  });
});
