import { describe, expect, it } from 'vitest';
import { parseJsonConfig, removeJsonServer, serversIn, upsertJsonServer } from './json-config.js';

const entry = { type: 'stdio', command: '/usr/bin/node', args: ['/opt/elf/bin.js', 'mcp'] };

describe('upsertJsonServer / removeJsonServer', () => {
  it('writes a new file with two-space indentation', () => {
    expect(upsertJsonServer(null, 'mcpServers', 'elf', entry)).toBe(
      '{\n  "mcpServers": {\n    "elf": {\n      "type": "stdio",\n      "command": "/usr/bin/node",\n      "args": [\n        "/opt/elf/bin.js",\n        "mcp"\n      ]\n    }\n  }\n}\n',
    );
  });

  it('adds the entry after the others without touching them, and removing it gives the file back', () => {
    const file =
      '{\n  // mine\n  "servers": {\n    "gh": { "type": "http", "url": "x" }, // trailing\n  },\n  "inputs": []\n}\n';
    const added = upsertJsonServer(file, 'servers', 'elf', entry);
    expect(added).toContain('    "gh": { "type": "http", "url": "x" },\n    "elf": {\n      "type": "stdio",');
    expect(added).toContain('// mine');
    expect(parseJsonConfig(added, true)).toEqual({
      servers: { gh: { type: 'http', url: 'x' }, elf: entry },
      inputs: [],
    });
    expect(upsertJsonServer(added, 'servers', 'elf', entry)).toBe(added);
    expect(removeJsonServer(added, 'servers', 'elf')).toBe(file);
  });

  it('keeps tabs and CRLF, adds the container when missing, and inserts into an empty object', () => {
    const tabs = '{\r\n\t"theme": "dark"\r\n}\r\n';
    const added = upsertJsonServer(tabs, 'mcpServers', 'elf', { command: 'n', args: [] });
    expect(added).toBe(
      '{\r\n\t"theme": "dark",\r\n\t"mcpServers": {\r\n\t\t"elf": {\r\n\t\t\t"command": "n",\r\n\t\t\t"args": []\r\n\t\t}\r\n\t}\r\n}\r\n',
    );
    expect(removeJsonServer(added, 'mcpServers', 'elf')).toBe('{\r\n\t"theme": "dark",\r\n\t"mcpServers": {}\r\n}\r\n');
    const empty = '{\n  "mcpServers": {}\n}\n';
    expect(upsertJsonServer(empty, 'mcpServers', 'elf', { command: 'n' })).toBe(
      '{\n  "mcpServers": {\n    "elf": {\n      "command": "n"\n    }\n  }\n}\n',
    );
    expect(upsertJsonServer('{"a":1}', 'mcpServers', 'elf', { command: 'n' })).toBe(
      '{"a":1,\n  "mcpServers": {\n    "elf": {\n      "command": "n"\n    }\n  }}',
    );
  });

  it('updates only the keys that differ and keeps keys of the entry that are not ours', () => {
    const file = upsertJsonServer(null, 'mcpServers', 'elf', { command: 'old', args: ['a'], env: { X: '1' } });
    const updated = upsertJsonServer(file, 'mcpServers', 'elf', { command: 'new', args: ['a'] });
    expect(parseJsonConfig(updated, false)).toEqual({
      mcpServers: { elf: { command: 'new', args: ['a'], env: { X: '1' } } },
    });
    expect(updated.replace('"new"', '"old"')).toBe(file);
  });

  it('removes a middle entry with its comma and leaves a file without it alone', () => {
    const file = '{\n  "mcpServers": {\n    "a": {},\n    "elf": { "command": "x" },\n    "b": {}\n  }\n}\n';
    expect(removeJsonServer(file, 'mcpServers', 'elf')).toBe(
      '{\n  "mcpServers": {\n    "a": {},\n    "b": {}\n  }\n}\n',
    );
    expect(removeJsonServer('{ "x": 1 }', 'mcpServers', 'elf')).toBe('{ "x": 1 }');
  });
});

describe('parseJsonConfig / serversIn', () => {
  it('refuses comments in JSON, broken files and non-objects, naming the problem and line', () => {
    expect(() => parseJsonConfig('{\n  // c\n}', false)).toThrow(/is not valid JSON \(InvalidCommentToken on line 2\)/);
    expect(parseJsonConfig('{\n  // c\n  "a": 1,\n}', true)).toEqual({ a: 1 });
    expect(() => parseJsonConfig('{ "a": ', true)).toThrow(/is not valid JSON with comments/);
    expect(() => parseJsonConfig('[1]', false)).toThrow('does not hold a JSON object');
    expect(parseJsonConfig('  \n', false)).toEqual({});
    expect(() => serversIn({ mcpServers: [] }, 'mcpServers')).toThrow('has "mcpServers" that is not an object');
    expect(serversIn({}, 'servers')).toEqual({});
  });
});
