import { execFileSync, spawnSync } from 'node:child_process';
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
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { claudeBinary } from './support/claude-code.js';
import { bin, elf, json, type Sandbox, sandbox } from './support/run-elf.js';

// `elf mcp install | uninstall` against real files in a temp HOME and a real git checkout, for
// every client and scope; then the pinned Claude Code reads what was written.

const node = process.execPath;
const launcher = realpathSync(bin);
const ours = (typed: boolean, args: string[] = []) => ({
  ...(typed ? { type: 'stdio' } : {}),
  command: node,
  args: [launcher, 'mcp', ...args],
});

interface Box extends Sandbox {
  repo: string;
  /** A directory inside the checkout: project files go to its root. */
  cwd: string;
}

function box(): Box {
  const base = sandbox();
  const repo = join(realpathSync(base.dir), 'shop');
  const cwd = join(repo, 'src', 'orders');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(base.home, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: repo });
  return { ...base, home: realpathSync(base.home), repo, cwd };
}

const appDir = (home: string) =>
  process.platform === 'darwin' ? join(home, 'Library', 'Application Support') : join(home, '.config');

const jsonSeed = (extra: string) =>
  `{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-github"]\n    }\n  },\n${extra}\n}\n`;
const plain = jsonSeed('  "x": 1');
const vscode =
  '{\n  // my servers\n  "servers": {\n    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }, // remote\n  },\n  "inputs": [],\n}\n';
const codex =
  '# Codex settings\nmodel = "o3" # mine\n\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "gh"]\n\n[profiles.fast]\nmodel = "o4-mini"\n';

const cases: Array<{ client: string; scope: string; file: (b: Box) => string; seed: string }> = [
  {
    client: 'claude-code',
    scope: 'user',
    file: (b) => join(b.home, '.claude.json'),
    seed: jsonSeed('  "numStartups": 7,\n  "projects": {\n    "/work/shop": { "allowedTools": [] }\n  }'),
  },
  { client: 'claude-code', scope: 'project', file: (b) => join(b.repo, '.mcp.json'), seed: plain },
  { client: 'cursor', scope: 'user', file: (b) => join(b.home, '.cursor', 'mcp.json'), seed: plain },
  { client: 'cursor', scope: 'project', file: (b) => join(b.repo, '.cursor', 'mcp.json'), seed: plain },
  { client: 'vscode', scope: 'user', file: (b) => join(appDir(b.home), 'Code', 'User', 'mcp.json'), seed: vscode },
  { client: 'vscode', scope: 'project', file: (b) => join(b.repo, '.vscode', 'mcp.json'), seed: vscode },
  { client: 'codex', scope: 'user', file: (b) => join(b.home, '.codex', 'config.toml'), seed: codex },
  { client: 'codex', scope: 'project', file: (b) => join(b.repo, '.codex', 'config.toml'), seed: codex },
  {
    client: 'claude-desktop',
    scope: 'user',
    file: (b) => join(appDir(b.home), 'Claude', 'claude_desktop_config.json'),
    seed: jsonSeed('  "globalShortcut": "Ctrl+Space"'),
  },
];

/** The file's servers and the rest of its data, in the client's own format. */
function read(client: string, text: string): { servers: Record<string, unknown>; rest: Record<string, unknown> } {
  if (client === 'codex') {
    const { mcp_servers, ...rest } = JSON.parse(JSON.stringify(parseToml(text)));
    return { servers: mcp_servers, rest };
  }
  const data = client === 'vscode' ? parseJsonc(text, [], { allowTrailingComma: true }) : JSON.parse(text);
  const key = client === 'vscode' ? 'servers' : 'mcpServers';
  const { [key]: servers, ...rest } = data;
  return { servers, rest };
}

const backups = (file: string) =>
  readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.elf-backup-`));
const mcp = (b: Box, args: string[], env?: NodeJS.ProcessEnv) =>
  elf(b, ['mcp', ...args], { cwd: b.cwd, ...(env ? { env } : {}) });

describe('elf mcp install / uninstall (built binary)', () => {
  it.each(cases)(
    '$client, $scope scope: its own format and place; others kept; idempotent; backup; dry run; uninstall restores the file',
    ({ client, scope, file: where, seed }) => {
      const b = box();
      const file = where(b);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, seed);
      const flags = ['--client', client, '--scope', scope];

      const dry = mcp(b, ['install', ...flags, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(`would add ELF’s MCP server to ${file} (`);
      expect(dry.stdout).toMatch(/^\+ .*mcp/m);
      expect(readFileSync(file, 'utf8')).toBe(seed);
      expect(backups(file)).toEqual([]);

      const first = json(mcp(b, ['install', ...flags, '--json']));
      expect(first).toMatchObject({ client, scope, file, changed: true, action: 'added', dryRun: false });
      expect(readFileSync(first.backup, 'utf8')).toBe(seed);
      const text = readFileSync(file, 'utf8');
      const typed = client === 'claude-code' || client === 'vscode';
      const before = read(client, seed);
      const after = read(client, text);
      expect(after.servers.elf).toEqual(ours(typed));
      expect(after.servers.github).toEqual(before.servers.github);
      expect(after.rest).toEqual(before.rest);
      for (const comment of seed.match(/(#|\/\/) [^\n]*/g) ?? []) expect(text).toContain(comment);
      expect(text.startsWith(seed.slice(0, seed.indexOf('github')))).toBe(true);

      const again = json(mcp(b, ['install', ...flags, '--json']));
      expect(again).toMatchObject({ changed: false, action: 'unchanged', backup: null });
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(mcp(b, ['install', ...flags]).stdout).toMatch(/^already installed: /);
      expect(backups(file)).toHaveLength(1);

      const removed = json(mcp(b, ['uninstall', ...flags, '--json']));
      expect(removed).toMatchObject({ changed: true, action: 'removed' });
      expect(readFileSync(file, 'utf8')).toBe(seed);
      expect(json(mcp(b, ['uninstall', ...flags, '--json']))).toMatchObject({ changed: false, action: 'absent' });
    },
  );

  it('creates a missing file with ELF’s server alone (no backup), carries --db as an absolute path, and updates it in place', () => {
    const b = box();
    const file = join(b.repo, '.cursor', 'mcp.json');
    const created = json(
      elf(b, ['--db', 'data/elf.db', 'mcp', 'install', '--client', 'cursor', '--scope', 'project', '--json'], {
        cwd: b.cwd,
      }),
    );
    expect(created).toMatchObject({ file, action: 'added', backup: null });
    const db = resolve(b.cwd, 'data/elf.db');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ mcpServers: { elf: ours(false, ['--db', db]) } });
    const updated = mcp(b, ['install', '--client', 'cursor', '--scope', 'project']);
    expect(updated.stdout).toMatch(/^updated ELF’s MCP server in /);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ mcpServers: { elf: ours(false) } });
  });

  it('an `elf` server that does not run `elf mcp` is someone else’s: install refuses, uninstall leaves it; `npx @elf/cli mcp` is ours', () => {
    const b = box();
    const file = join(b.home, '.cursor', 'mcp.json');
    mkdirSync(dirname(file), { recursive: true });
    const theirs = '{\n  "mcpServers": {\n    "elf": { "command": "python", "args": ["serve.py"] }\n  }\n}\n';
    writeFileSync(file, theirs);
    const refused = mcp(b, ['install', '--client', 'cursor']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `elf: --scope: ${file} has a server named "elf" that does not run \`elf mcp\` (python serve.py); rename or remove it first; nothing changed\n`,
    );
    const kept = mcp(b, ['uninstall', '--client', 'cursor']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/runs python serve\.py, which is not `elf mcp`; left as it is\n$/);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(backups(file)).toEqual([]);

    writeFileSync(
      file,
      '{ "mcpServers": { "elf": { "command": "npx", "args": ["-y", "@elf/cli", "mcp"], "env": { "A": "1" } } } }\n',
    );
    expect(json(mcp(b, ['install', '--client', 'cursor', '--json'])).action).toBe('updated');
    expect(JSON.parse(readFileSync(file, 'utf8')).mcpServers.elf).toEqual({ ...ours(false), env: { A: '1' } });
    expect(json(mcp(b, ['uninstall', '--client', 'cursor', '--json'])).action).toBe('removed');
  });

  it('refuses bad input with one line naming the flag, exit 1, and changes nothing', () => {
    const b = box();
    const cursor = join(b.home, '.cursor', 'mcp.json');
    const codex = join(b.home, '.codex', 'config.toml');
    mkdirSync(dirname(cursor), { recursive: true });
    mkdirSync(dirname(codex), { recursive: true });
    writeFileSync(cursor, '{ "mcpServers": { oops');
    writeFileSync(codex, 'model = "o3"\n[mcp_servers\n');
    const refusals: Array<[string[], RegExp]> = [
      [
        ['install', '--client', 'windsurf'],
        /^elf: --client: must be one of claude-code, cursor, vscode, codex, claude-desktop, not "windsurf"\n$/,
      ],
      [['uninstall'], /^elf: --client: required: one of claude-code, /],
      [
        ['install', '--client', 'cursor', '--scope', 'global'],
        /^elf: --scope: must be user or project, not "global"\n$/,
      ],
      [
        ['install', '--client', 'claude-desktop', '--scope', 'project'],
        /^elf: --scope: claude-desktop has no project scope /,
      ],
      [
        ['install', '--client', 'cursor'],
        /^elf: --scope: .*mcp\.json is not valid JSON \(.+ on line 1\); nothing changed\n$/,
      ],
      [
        ['uninstall', '--client', 'codex'],
        /^elf: --scope: .*config\.toml is not valid TOML \(.+, line 2\); nothing changed\n$/,
      ],
    ];
    for (const [args, message] of refusals) {
      const result = mcp(b, args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
    expect(readFileSync(cursor, 'utf8')).toBe('{ "mcpServers": { oops');
    expect(readFileSync(codex, 'utf8')).toBe('model = "o3"\n[mcp_servers\n');
    expect(existsSync(join(b.repo, '.mcp.json'))).toBe(false);
    expect([...backups(cursor), ...backups(codex)]).toEqual([]);
  });

  it('follows a symlinked file (dotfiles) and finds the user files where CLAUDE_CONFIG_DIR, CODEX_HOME and XDG_CONFIG_HOME put them', () => {
    const b = box();
    const dotfiles = join(b.dir, 'dotfiles');
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'mcp.json'), '{}\n');
    mkdirSync(join(b.home, '.cursor'));
    symlinkSync(join(dotfiles, 'mcp.json'), join(b.home, '.cursor', 'mcp.json'));
    expect(mcp(b, ['install', '--client', 'cursor']).code).toBe(0);
    expect(lstatSync(join(b.home, '.cursor', 'mcp.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dotfiles, 'mcp.json'), 'utf8')).mcpServers.elf).toEqual(ours(false));

    const env = {
      CLAUDE_CONFIG_DIR: join(b.dir, 'claude'),
      CODEX_HOME: join(b.dir, 'codex'),
      XDG_CONFIG_HOME: join(b.dir, 'xdg'),
    };
    const expected: Array<[string, string]> = [
      ['claude-code', join(env.CLAUDE_CONFIG_DIR, '.claude.json')],
      ['codex', join(env.CODEX_HOME, 'config.toml')],
      ...(process.platform === 'linux'
        ? ([['vscode', join(env.XDG_CONFIG_HOME, 'Code', 'User', 'mcp.json')]] as Array<[string, string]>)
        : []),
    ];
    for (const [client, file] of expected) {
      expect(json(mcp(b, ['install', '--client', client, '--json'], env)).file).toBe(file);
      expect(existsSync(file)).toBe(true);
    }
  });
});

describe('the pinned Claude Code reads what `elf mcp install` wrote', () => {
  const claude = (b: Box, args: string[]) =>
    spawnSync(claudeBinary(), args, {
      cwd: b.repo,
      env: {
        ...b.env,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('`claude mcp get elf`: the user entry connects to `elf mcp`, the project entry awaits approval, uninstall removes both', () => {
    const b = box();
    writeFileSync(join(b.home, '.claude.json'), `${JSON.stringify({ numStartups: 1, projects: {} }, null, 2)}\n`);
    const db = join(b.dir, 'elf.db');
    expect(elf(b, ['--db', db, 'mcp', 'install', '--client', 'claude-code'], { cwd: b.cwd }).code).toBe(0);
    const user = claude(b, ['mcp', 'get', 'elf']);
    expect(user.stdout).toContain('Scope: User config');
    expect(user.stdout).toContain('Type: stdio');
    expect(user.stdout).toContain(`Command: ${node}`);
    expect(user.stdout).toContain(`Args: ${launcher} mcp --db ${db}`);
    // Claude Code started `elf mcp` and finished the MCP handshake with it.
    expect(user.stdout).toMatch(/Status: ✔ Connected/);

    expect(mcp(b, ['uninstall', '--client', 'claude-code']).code).toBe(0);
    expect(mcp(b, ['install', '--client', 'claude-code', '--scope', 'project']).code).toBe(0);
    const project = claude(b, ['mcp', 'get', 'elf']);
    expect(project.stdout).toContain('Scope: Project config (shared via .mcp.json)');
    expect(project.stdout).toContain(`Args: ${launcher} mcp\n`);
    expect(project.stdout).toContain('Pending approval');

    expect(mcp(b, ['uninstall', '--client', 'claude-code', '--scope', 'project']).code).toBe(0);
    const gone = claude(b, ['mcp', 'get', 'elf']);
    expect(gone.status).not.toBe(0);
    expect(`${gone.stdout}${gone.stderr}`).toContain('No MCP server named "elf"');
  });
});

describe('the pinned Codex CLI reads what `elf mcp install` wrote', () => {
  const codexJs = createRequire(import.meta.url).resolve('@openai/codex/bin/codex.js');
  const codex = (b: Box, args: string[]) =>
    spawnSync(process.execPath, [codexJs, ...args], { cwd: b.repo, env: b.env, encoding: 'utf8', timeout: 60_000 });

  it('`codex mcp get elf --json` shows ELF’s stdio server beside the user’s own; uninstall leaves only theirs', () => {
    const b = box();
    const file = join(b.home, '.codex', 'config.toml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '# mine\nmodel = "o3"\n\n[mcp_servers.notes]\ncommand = "notes-server"\nargs = ["--stdio"]\n');
    expect(mcp(b, ['install', '--client', 'codex']).code).toBe(0);
    const got = codex(b, ['mcp', 'get', 'elf', '--json']);
    expect(got.status, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({
      name: 'elf',
      enabled: true,
      transport: { type: 'stdio', command: node, args: [launcher, 'mcp'] },
    });
    const listed = codex(b, ['mcp', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((s) => s.name).sort()).toEqual(['elf', 'notes']);

    expect(mcp(b, ['uninstall', '--client', 'codex']).code).toBe(0);
    expect(codex(b, ['mcp', 'get', 'elf', '--json']).status).not.toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      '# mine\nmodel = "o3"\n\n[mcp_servers.notes]\ncommand = "notes-server"\nargs = ["--stdio"]\n',
    );
  });
});
