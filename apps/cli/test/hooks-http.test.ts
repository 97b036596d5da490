import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startElfServer } from './support/elf-server.js';
import { elf, json, type Sandbox, sandbox } from './support/run-elf.js';

// `elf hooks install --transport http`: ELF's handlers as `type: "http"` hooks pointing at
// elf-server (SessionStart keeps the command: the client sends it to no http hook), switched
// in place with the command ones, removed by uninstall, and reported by status with whether the
// server answers. Run through the built binary against a real elf-server.

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
  model: 'sonnet',
  hooks: {
    PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '~/bin/log-bash.sh', timeout: 5 }] }],
    Stop: [{ hooks: [{ type: 'http', url: 'http://127.0.0.1:9000/my-own-hook' }] }],
  },
};

/** ELF's handlers on one event, either kind. */
const elfHandlers = (settings: any, event: string) =>
  (settings.hooks?.[event] ?? [])
    .flatMap((g: any) => g.hooks)
    .filter((h: any) => /bin\.js" hook( |$)/.test(h.command ?? '') || /\/hooks\/claude-code$/.test(h.url ?? ''));

function userBox(): { box: Sandbox; file: string } {
  const box = sandbox();
  const file = join(box.home, '.claude', 'settings.json');
  mkdirSync(join(box.home, '.claude'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(userSettings, null, 2)}\n`);
  return { box, file };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('elf hooks install --transport http (built binary)', () => {
  it('installs http handlers, switches to command and back in place, and uninstall gives back the file', async () => {
    const { box, file } = userBox();
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/hooks/claude-code`;
    const first = elf(box, ['hooks', 'install', '--transport', 'http', '--url', url]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^updated .*settings\.json\n {2}SessionStart +added +command\n {2}UserPromptSubmit +added +http\n/,
    );
    expect(first.stdout).toContain(`server not answering at http://127.0.0.1:${port} (ECONNREFUSED)`);
    const http = JSON.parse(readFileSync(file, 'utf8'));
    for (const event of events) {
      const wanted =
        event === 'SessionStart'
          ? [expect.objectContaining({ type: 'command', timeout: 10 })]
          : [{ type: 'http', url, timeout: 10 }];
      expect(elfHandlers(http, event), event).toEqual(wanted);
    }
    // The matchers are the command install's.
    expect(http.hooks.PreToolUse.at(-1).matcher).toBe('Task|Agent');
    expect(http.hooks.PostToolUse.slice(0, 1)).toEqual(userSettings.hooks.PostToolUse);
    expect(http.hooks.Stop).toEqual(userSettings.hooks.Stop);
    expect(http.model).toBe('sonnet');

    // Twice: nothing changes, not a byte.
    const bytes = readFileSync(file, 'utf8');
    const again = json(elf(box, ['hooks', 'install', '--transport', 'http', '--url', url, '--json']));
    expect(again).toMatchObject({ changed: false, transport: 'http', url, token: null });
    expect(readFileSync(file, 'utf8')).toBe(bytes);

    // Back to commands: replaced in place, one handler per event, SessionStart untouched.
    const back = json(elf(box, ['hooks', 'install', '--json']));
    expect(back.events).toEqual({
      ...Object.fromEntries(events.map((e) => [e, 'updated'])),
      SessionStart: 'unchanged',
    });
    const commands = JSON.parse(readFileSync(file, 'utf8'));
    for (const event of events) {
      expect(elfHandlers(commands, event)).toHaveLength(1);
      expect(elfHandlers(commands, event)[0].type).toBe('command');
    }
    // And to http on the default URL.
    const defaults = json(elf(box, ['hooks', 'install', '--transport', 'http', '--json']));
    expect(defaults.url).toBe('http://127.0.0.1:4747/hooks/claude-code');
    expect(defaults.transports).toMatchObject({ SessionStart: 'command', PreCompact: 'http' });

    const removed = elf(box, ['hooks', 'uninstall']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(userSettings);
  });

  it('--dry-run writes nothing; a bad --url or a stray flag is one line, exit 1, file unchanged', () => {
    const { box, file } = userBox();
    const before = readFileSync(file, 'utf8');
    const dry = elf(box, ['hooks', 'install', '--transport', 'http', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would update .*settings\.json\n/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const built = () => ['elf.db', 'cache/elf-hook.blob'].filter((f) => existsSync(join(box.home, '.elf', f)));
    expect(built()).toEqual([]);
    for (const [args, stderr] of [
      [['--url', 'ftp://127.0.0.1/hooks/claude-code'], /^elf: --url: must be an http:\/\/ or https:\/\/ URL/],
      [['--url', 'http://127.0.0.1:4747/api'], /^elf: --url: must end with \/hooks\/claude-code/],
      [['--url', 'nonsense'], /^elf: --url: "nonsense" is not a URL/],
    ] as const) {
      const result = elf(box, ['hooks', 'install', '--transport', 'http', ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const stray = elf(box, ['hooks', 'install', '--url', 'http://127.0.0.1:4747/hooks/claude-code']);
    expect(stray.stderr).toBe('elf: --url: only with --transport http\n');
    expect(stray.code).toBe(1);
    const missing = elf(box, ['hooks', 'install', '--transport', 'http', '--token-file', join(box.dir, 'none')]);
    expect(missing.stderr).toBe(`elf: --token-file: cannot read a token from ${join(box.dir, 'none')}\n`);
    expect(elf(box, ['hooks', 'install', '--transport', 'smoke-signals']).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Nothing was built either: no snapshot, no database.
    expect(built()).toEqual([]);
  });

  it('a server off loopback gets the token as an allowed variable, never the secret itself', () => {
    const { box, file } = userBox();
    const secret = 'f'.repeat(64);
    mkdirSync(join(box.home, '.elf'), { recursive: true });
    writeFileSync(join(box.home, '.elf', 'server-token'), `${secret}\n`, { mode: 0o600 });
    const result = elf(box, ['hooks', 'install', '--transport', 'http', '--url', 'https://elf.invalid:8443']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`export ELF_SERVER_TOKEN="$(cat '${join(box.home, '.elf', 'server-token')}')"`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(elfHandlers(JSON.parse(text), 'UserPromptSubmit')).toEqual([
      {
        type: 'http',
        url: 'https://elf.invalid:8443/hooks/claude-code',
        timeout: 10,
        headers: { Authorization: 'Bearer $ELF_SERVER_TOKEN' },
        allowedEnvVars: ['ELF_SERVER_TOKEN'],
      },
    ]);
    // Backups hold the previous file: no secret in them either.
    for (const name of readdirSync(join(box.home, '.claude')))
      expect(readFileSync(join(box.home, '.claude', name), 'utf8')).not.toContain(secret);
  });
});

describe('elf hooks status with http handlers', () => {
  it('says the transport and whether the server answers: a closed port, then a real elf-server', async () => {
    const { box } = userBox();
    const port = await closedPort();
    expect(elf(box, ['hooks', 'install', '--transport', 'http', '--url', `http://127.0.0.1:${port}`]).code).toBe(0);
    const down = elf(box, ['hooks', 'status']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`  transport: http to http://127.0.0.1:${port} (SessionStart runs the command)\n`);
    expect(down.stdout).toContain(
      `  server not answering at http://127.0.0.1:${port} (ECONNREFUSED): start it with \`elf-server\` or \`elf-server service install\`\n`,
    );
    const user = json(elf(box, ['hooks', 'status', '--json'])).scopes[0];
    expect(user).toMatchObject({
      scope: 'user',
      transport: 'http',
      missing: [],
      servers: [{ base: `http://127.0.0.1:${port}`, answers: false, version: null, error: 'ECONNREFUSED' }],
    });
    expect(user.commands).toHaveLength(1); // SessionStart's

    server = await startElfServer(box, join(box.dir, 'server.db'));
    expect(elf(box, ['hooks', 'install', '--transport', 'http', '--url', server.url]).code).toBe(0);
    const up = elf(box, ['hooks', 'status']);
    const version = JSON.parse(readFileSync(new URL('../../server/package.json', import.meta.url), 'utf8')).version;
    expect(up.stdout).toContain(`  server answers at ${server.url} (version ${version})\n`);

    expect(elf(box, ['hooks', 'install']).code).toBe(0);
    const commands = json(elf(box, ['hooks', 'status', '--json'])).scopes[0];
    expect(commands).toMatchObject({ transport: 'command', servers: [] });
    expect(elf(box, ['hooks', 'status']).stdout).toContain('  transport: command\n');
  });
});
