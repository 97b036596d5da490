import { describe, expect, it } from 'vitest';
import { parseTomlConfig, removeTomlServer, tomlServers, upsertTomlServer } from './toml-config.js';
import { tableHeaders, valueEnd } from './toml-scan.js';

const server = { command: 'C:\\node\\node.exe', args: ['/opt/elf/bin.js', 'mcp', '--db', '/home/me/a "b".db'] };
const user = `# my Codex settings
model = "o3" # the one I like

[mcp_servers.github]
command = "npx"
args = ["-y", "@modelcontextprotocol/server-github"]

[profiles.fast]
model = "o4-mini"
`;

describe('upsertTomlServer / removeTomlServer', () => {
  it('appends our table after a blank line, and removing it gives the file back byte for byte', () => {
    const added = upsertTomlServer(user, 'elf', server);
    expect(added).toBe(
      `${user}\n[mcp_servers.elf]\ncommand = "C:\\\\node\\\\node.exe"\nargs = ["/opt/elf/bin.js", "mcp", "--db", "/home/me/a \\"b\\".db"]\n`,
    );
    expect(tomlServers(parseTomlConfig(added)).elf).toEqual(server);
    expect(upsertTomlServer(added, 'elf', server)).toBe(added);
    expect(removeTomlServer(added, 'elf')).toBe(user);
    expect(upsertTomlServer('', 'elf', server).startsWith('[mcp_servers.elf]\n')).toBe(true);
  });

  it('rewrites only command and args of an existing table, keeping its other keys, comments and sub-tables', () => {
    const file = `[mcp_servers.elf] # ELF
# started by Codex
command = "elf"
args = [
  "mcp", # the server
]
startup_timeout_sec = 30

[mcp_servers.elf.env]
ELF_HOME = "/x"

# the next one
[mcp_servers.other]
command = "other"
`;
    const out = upsertTomlServer(file, 'elf', { command: '/n', args: ['/b', 'mcp'] });
    expect(out).toBe(
      file
        .replace('command = "elf"\nargs = [\n  "mcp", # the server\n]\n', '')
        .replace('[mcp_servers.elf] # ELF\n', '[mcp_servers.elf] # ELF\ncommand = "/n"\nargs = ["/b", "mcp"]\n'),
    );
    expect(tomlServers(parseTomlConfig(out)).elf).toEqual({
      command: '/n',
      args: ['/b', 'mcp'],
      startup_timeout_sec: 30,
      env: { ELF_HOME: '/x' },
    });
    expect(removeTomlServer(out, 'elf')).toBe('# the next one\n[mcp_servers.other]\ncommand = "other"\n');
  });

  it('keeps CRLF line endings and refuses layouts it does not edit instead of damaging them', () => {
    const crlf = 'a = 1\r\n';
    expect(upsertTomlServer(crlf, 'elf', { command: 'n', args: [] })).toBe(
      'a = 1\r\n\r\n[mcp_servers.elf]\r\ncommand = "n"\r\nargs = []\r\n',
    );
    const inline = 'mcp_servers = { github = { command = "gh" } }\n';
    expect(() => upsertTomlServer(inline, 'elf', server)).toThrow(/in a way ELF does not edit/);
    const dotted = 'mcp_servers.elf.command = "elf"\nmcp_servers.elf.args = ["mcp"]\n';
    expect(() => removeTomlServer(dotted, 'elf')).toThrow(/in a way ELF does not edit/);
    expect(removeTomlServer(user, 'elf')).toBe(user);
  });

  it('refuses a file that is not TOML, with the reason and the line', () => {
    expect(() => parseTomlConfig('a = 1\n[oops\n')).toThrow(/^is not valid TOML \(.+, line 2\)$/);
    expect(() => tomlServers({ mcp_servers: 3 })).toThrow('has "mcp_servers" that is not a table');
  });
});

describe('toml-scan', () => {
  it('finds headers with quoted parts and comments, and the end of multi-line values', () => {
    const text = '[ a . "b.c" ] # x\n[[d]]\nv = """\n[not]\n"""\n';
    expect(tableHeaders(text).map((h) => [h.path, h.array])).toEqual([
      [['a', 'b.c'], false],
      [['d'], true],
      [['not'], false],
    ]);
    const value = 'x = [ "]", \'[\', { y = 1 }, # ]\n 2 ]\nz = 1\n';
    expect(value.slice(0, valueEnd(value, 3))).toBe('x = [ "]", \'[\', { y = 1 }, # ]\n 2 ]\n');
  });
});
