import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { launchdPlist } from '../src/service/launchd-plist.js';
import { readPlist } from '../src/service/plist-read.js';
import { parseServiceArgs } from '../src/service/service-args.js';
import { runServiceCommand } from '../src/service/service-command.js';
import type { RunResult, ServiceIo } from '../src/service/service-io.js';
import { serviceSpec } from '../src/service/service-spec.js';
import { execStartArgs, systemdQuote, systemdUnit } from '../src/service/systemd-unit.js';

// `elf-server service install|uninstall|status`: the unit and the plist decided without the OS,
// then the command against a temp HOME with the service manager replaced by a recorder (or told
// not to be asked), so no test ever enables a real service. The written unit is checked by
// systemd's own parser (systemd-analyze verify), the plist by reading it back.

const serverBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Harness {
  io: ServiceIo;
  home: string;
  out(): string;
  err(): string;
  /** Every manager command run, as a line. */
  ran: string[];
}

/** A temp HOME; `manager`: how the fake systemctl/launchctl answers (absent: not usable). */
function harness(
  platform: NodeJS.Platform = 'linux',
  options: { env?: Record<string, string>; manager?: (args: readonly string[]) => RunResult } = {},
): Harness {
  const dir = tempDir('elf-service-');
  const home = join(dir, 'home');
  mkdirSync(home);
  let out = '';
  let err = '';
  const ran: string[] = [];
  const io: ServiceIo = {
    env: { USER: 'ada', ...options.env },
    homedir: home,
    platform,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    execPath: process.execPath,
    serverBin: '/opt/elf/node_modules/@elf/server/dist/bin.js',
    cwd: dir,
    uid: 501,
    run: (args) => {
      ran.push(args.join(' '));
      return options.manager?.(args) ?? { status: 1, stdout: '', stderr: 'Failed to connect to bus: No medium found' };
    },
  };
  return { io, home, out: () => out, err: () => err, ran };
}

const ok: RunResult = { status: 0, stdout: '', stderr: '' };
const unitFile = (h: Harness) => join(h.home, '.config', 'systemd', 'user', 'elf-server.service');

describe('the unit and the plist (no OS)', () => {
  const spec = serviceSpec(
    { action: 'install', port: 5000, db: 'data/my 100% $HOME "elf".db', dryRun: false },
    {
      env: { ELF_HOME: '/srv/elf home' },
      homedir: '/home/ada',
      cwd: '/work',
      execPath: '/usr/bin/node',
      serverBin: 'dist/bin.js',
    },
  );

  it('runs absolute node and server paths with the given flags and ELF_HOME', () => {
    expect(spec.program).toEqual([
      '/usr/bin/node',
      '/work/dist/bin.js',
      '--port',
      '5000',
      '--db',
      '/work/data/my 100% $HOME "elf".db',
    ]);
    expect(spec).toMatchObject({ env: { ELF_HOME: '/srv/elf home' }, home: '/srv/elf home', port: 5000 });
  });

  it('writes a systemd unit whose ExecStart reads back exactly, % and $ and quotes escaped', () => {
    const unit = systemdUnit(spec);
    expect(unit).toContain(
      '\nExecStart="/usr/bin/node" "/work/dist/bin.js" "--port" "5000" "--db" "/work/data/my 100%% $$HOME \\"elf\\".db"\n',
    );
    expect(unit).toContain('\nEnvironment="ELF_HOME=/srv/elf home"\n');
    expect(unit).toMatch(/\nRestart=on-failure\n/);
    expect(unit).toMatch(/\[Install\]\nWantedBy=default\.target\n$/);
    expect(execStartArgs(unit)).toEqual(spec.program);
    expect(systemdQuote('a\\b', { dollars: false })).toBe('"a\\\\b"');
  });

  it('writes a launchd plist that reads back as the same values', () => {
    const odd = { ...spec, program: [...spec.program, 'R&D <x>'] };
    expect(readPlist(launchdPlist(odd))).toEqual({
      Label: 'dev.elf.server',
      ProgramArguments: odd.program,
      EnvironmentVariables: { ELF_HOME: '/srv/elf home' },
      RunAtLoad: true,
      KeepAlive: { SuccessfulExit: false },
      ProcessType: 'Background',
      StandardOutPath: '/srv/elf home/logs/service.log',
      StandardErrorPath: '/srv/elf home/logs/service.log',
    });
  });

  it('the plist reader refuses what is not well-formed', () => {
    const good = launchdPlist(spec);
    for (const [bad, why] of [
      [good.replace('</array>', ''), /closes|never closed/],
      [good.replace('R', 'R'), null],
      [good.replace('<string>dev.elf.server</string>', '<string>a & b</string>'), /bare &/],
      [good.replace('<string>dev.elf.server</string>', '<string>a < b</string>'), /stray </],
      [good.replace('<key>Label</key>', '<key>Label</key><key>x</key>'), /alternates|plist value/],
      [good.replace('Written by', 'Written -- by'), /comment holding --/],
      [`${good}<plist/>`, /one root|outside/],
    ] as const) {
      if (why === null) expect(() => readPlist(bad)).not.toThrow();
      else expect(() => readPlist(bad)).toThrow(why);
    }
  });

  it('the plist also parses with Python’s plistlib where Python is here', () => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0) {
      console.warn('python3 not found: the plist was checked by readPlist only');
      return;
    }
    const checked = spawnSync(
      'python3',
      ['-c', 'import plistlib,sys,json; print(json.dumps(plistlib.loads(sys.stdin.buffer.read())))'],
      { input: launchdPlist(spec), encoding: 'utf8' },
    );
    expect(checked.stderr).toBe('');
    expect(JSON.parse(checked.stdout)).toEqual(readPlist(launchdPlist(spec)));
  });

  it('arguments: one line naming the flag for anything wrong', () => {
    const refused = (args: string[], env?: string) => {
      try {
        parseServiceArgs(args, env);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused(['install', '--port', '0'])).toBe('--port: must be a whole number from 1 to 65535 (got "0")');
    expect(refused(['install', '--port=70000'])).toBe('--port: must be a whole number from 1 to 65535 (got "70000")');
    expect(refused(['install', '--db'])).toBe('--db: needs a value');
    expect(refused(['install', '--db', ':memory:'])).toBe('--db: a service needs a database file, not :memory:');
    expect(refused(['install', '--host', 'x'])).toBe(
      'service install: unknown option "--host" (see elf-server service --help)',
    );
    expect(refused(['uninstall', '--port', '1'])).toBe('--port: only with service install');
    expect(refused(['restart'])).toBe('service: say install, uninstall or status (got "restart")');
    expect(refused([])).toBe('service: say install, uninstall or status');
    expect(refused(['install'], 'abc')).toBe('ELF_SERVER_PORT: must be a whole number from 1 to 65535 (got "abc")');
    expect(parseServiceArgs(['install', '--db=x.db', '--dry-run'], '6000')).toEqual({
      kind: 'run',
      request: { action: 'install', db: 'x.db', port: 6000, dryRun: true },
    });
  });
});

describe('elf-server service on Linux (temp HOME, recorded systemctl)', () => {
  it('install --dry-run prints the unit and the commands, and writes nothing', async () => {
    const h = harness();
    expect(await runServiceCommand(['install', '--port', '4800', '--dry-run'], h.io)).toBe(0);
    expect(h.out()).toContain(`would write ${unitFile(h)}:\n\n# Written by \`elf-server service install\``);
    expect(h.out()).toContain('ExecStart="');
    expect(h.out()).toMatch(
      /then run:\n {2}systemctl --user daemon-reload\n {2}systemctl --user enable --now elf-server\.service\n$/,
    );
    expect(existsSync(join(h.home, '.config'))).toBe(false);
    expect(h.ran).toEqual([]);
  });

  it('without a usable systemctl --user: writes the unit and prints the commands; the override asks nothing', async () => {
    const h = harness();
    expect(await runServiceCommand(['install', '--db', 'elf.db'], h.io)).toBe(0);
    expect(h.ran).toEqual(['systemctl --user show-environment']);
    expect(h.out()).toContain(
      'not started (systemctl --user show-environment: Failed to connect to bus: No medium found); to start it, run:\n  systemctl --user daemon-reload\n',
    );
    const unit = readFileSync(unitFile(h), 'utf8');
    expect(execStartArgs(unit)).toEqual([
      process.execPath,
      '/opt/elf/node_modules/@elf/server/dist/bin.js',
      '--db',
      join(h.io.cwd as string, 'elf.db'),
    ]);
    expect(statSync(unitFile(h)).mode & 0o777).toBe(0o644);

    const skip = harness('linux', { env: { ELF_SERVICE_NO_MANAGER: '1' }, manager: () => ok });
    expect(await runServiceCommand(['install'], skip.io)).toBe(0);
    expect(skip.ran).toEqual([]);
    expect(skip.out()).toContain('not started (ELF_SERVICE_NO_MANAGER is set)');
    expect(existsSync(unitFile(skip))).toBe(true);
  });

  it('with systemctl --user: reloads and enables; a changed unit restarts; the same one does not', async () => {
    const h = harness('linux', { env: { ELF_HOME: '/srv/elf' }, manager: () => ok });
    expect(await runServiceCommand(['install'], h.io)).toBe(0);
    expect(h.ran).toEqual([
      'systemctl --user show-environment',
      'systemctl --user daemon-reload',
      'systemctl --user enable --now elf-server.service',
    ]);
    expect(h.out()).toContain('To keep it running while you are logged out: loginctl enable-linger ada\n');
    expect(readFileSync(unitFile(h), 'utf8')).toContain('\nEnvironment="ELF_HOME=/srv/elf"\n');
    h.ran.length = 0;
    expect(await runServiceCommand(['install'], h.io)).toBe(0);
    expect(h.out()).toContain(`already installed: ${unitFile(h)}`);
    expect(h.ran).not.toContain('systemctl --user restart elf-server.service');
    h.ran.length = 0;
    expect(await runServiceCommand(['install', '--port', '4848'], h.io)).toBe(0);
    expect(h.ran.at(-1)).toBe('systemctl --user restart elf-server.service');

    // A failing manager command is one line and exit 1.
    const failing = harness('linux', {
      manager: (args) => (args.includes('enable') ? { status: 1, stdout: '', stderr: 'Unit is masked.\nmore' } : ok),
    });
    expect(await runServiceCommand(['install'], failing.io)).toBe(1);
    expect(failing.err()).toBe(
      'elf-server: systemctl --user enable --now elf-server.service failed: Unit is masked.\n',
    );
  });

  it('uninstall stops, removes only its own file, reloads; a file of someone else’s stays', async () => {
    const h = harness('linux', { manager: () => ok });
    expect(await runServiceCommand(['uninstall'], h.io)).toBe(0);
    expect(h.out()).toBe(`not installed: no ${unitFile(h)}\n`);
    expect(await runServiceCommand(['install'], h.io)).toBe(0);
    h.ran.length = 0;
    expect(await runServiceCommand(['uninstall', '--dry-run'], h.io)).toBe(0);
    expect(h.ran).toEqual([]);
    expect(existsSync(unitFile(h))).toBe(true);
    expect(await runServiceCommand(['uninstall'], h.io)).toBe(0);
    expect(h.ran).toEqual([
      'systemctl --user show-environment',
      'systemctl --user disable --now elf-server.service',
      'systemctl --user daemon-reload',
    ]);
    expect(existsSync(unitFile(h))).toBe(false);

    // Without the manager: the file and the link enabling it go; the user is told how to stop it.
    const offline = harness('linux');
    expect(await runServiceCommand(['install'], offline.io)).toBe(0);
    const wants = join(offline.home, '.config', 'systemd', 'user', 'default.target.wants');
    mkdirSync(wants);
    symlinkSync(unitFile(offline), join(wants, 'elf-server.service'));
    symlinkSync('/elsewhere/other.service', join(wants, 'other.service'));
    expect(await runServiceCommand(['uninstall'], offline.io)).toBe(0);
    expect(readdirSync(wants)).toEqual(['other.service']);
    expect(existsSync(unitFile(offline))).toBe(false);
    expect(offline.out()).toMatch(
      /if it still runs, stop it with:\n {2}systemctl --user stop elf-server\.service\n {2}systemctl --user daemon-reload\n$/,
    );

    const theirs = '[Service]\nExecStart=/usr/bin/their-server\n';
    writeFileSync(unitFile(h), theirs);
    expect(await runServiceCommand(['uninstall'], h.io)).toBe(1);
    expect(h.err()).toBe(`elf-server: ${unitFile(h)} was not written by elf-server service install; left as it is\n`);
    expect(await runServiceCommand(['install'], h.io)).toBe(1);
    expect(readFileSync(unitFile(h), 'utf8')).toBe(theirs);
  });

  it('status: installed or not, the file, and whether the server answers on the unit’s port', async () => {
    const meta = createServer((req, res) => {
      res.writeHead(req.url === '/api/meta' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '9.8.7' }));
    });
    await new Promise<void>((resolve) => meta.listen(0, '127.0.0.1', () => resolve()));
    const { port } = meta.address() as AddressInfo;
    try {
      const h = harness('linux', {
        manager: (args) => ({ ...ok, stdout: args.includes('is-active') ? 'active\n' : '' }),
      });
      expect(await runServiceCommand(['status'], h.io)).toBe(0);
      expect(h.out()).toMatch(
        /^not installed \(no .*elf-server\.service\)\nserver (not answering|answers) at http:\/\/127\.0\.0\.1:4747/,
      );
      expect(await runServiceCommand(['install', '--port', String(port)], h.io)).toBe(0);
      const before = h.out().length;
      expect(await runServiceCommand(['status'], h.io)).toBe(0);
      expect(h.out().slice(before)).toBe(
        `installed: ${unitFile(h)}\nsystemd says active\nserver answers at http://127.0.0.1:${port} (version 9.8.7)\n`,
      );
    } finally {
      await new Promise<void>((resolve) => meta.close(() => resolve()));
    }
  });

  it.runIf(process.platform === 'linux')('systemd-analyze verify accepts the unit install writes', async () => {
    const analyze = spawnSync('systemd-analyze', ['--version']);
    expect(
      analyze.status,
      'systemd-analyze is missing: `apt-get install -y systemd` (the unit is checked by systemd’s own parser)',
    ).toBe(0);
    const h = harness('linux', { env: { ELF_SERVICE_NO_MANAGER: '1', ELF_HOME: '/srv/elf 100%' } });
    // A real file where ExecStart points: verify checks the program exists and is executable.
    h.io.serverBin = existsSync(serverBin) ? serverBin : join(h.io.cwd as string, 'bin.js');
    writeFileSync(join(h.io.cwd as string, 'bin.js'), '');
    expect(await runServiceCommand(['install', '--port', '4801', '--db', 'odd $name/elf "x".db'], h.io)).toBe(0);
    // --user needs a runtime directory; the test gives it one of its own.
    const runtime = join(h.io.cwd as string, 'runtime');
    mkdirSync(runtime, { mode: 0o700 });
    const verified = spawnSync('systemd-analyze', ['--user', 'verify', unitFile(h)], {
      encoding: 'utf8',
      env: { ...process.env, XDG_RUNTIME_DIR: runtime, HOME: h.home },
    });
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
  });
});

describe('elf-server service on macOS and elsewhere', () => {
  it('install writes the agent and its log folder, then boots it out and in; uninstall boots it out', async () => {
    const h = harness('darwin', { env: { ELF_HOME: '' }, manager: () => ok });
    expect(await runServiceCommand(['install', '--port', '4802'], h.io)).toBe(0);
    const file = join(h.home, 'Library', 'LaunchAgents', 'dev.elf.server.plist');
    const plist = readPlist(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(plist.ProgramArguments).toEqual([
      process.execPath,
      '/opt/elf/node_modules/@elf/server/dist/bin.js',
      '--port',
      '4802',
    ]);
    expect(plist.StandardOutPath).toBe(join(h.home, '.elf', 'logs', 'service.log'));
    expect(existsSync(join(h.home, '.elf', 'logs'))).toBe(true);
    expect(h.ran).toEqual([
      'launchctl print gui/501',
      'launchctl bootout gui/501/dev.elf.server',
      `launchctl bootstrap gui/501 ${file}`,
    ]);
    h.ran.length = 0;
    expect(await runServiceCommand(['uninstall'], h.io)).toBe(0);
    expect(h.ran).toEqual(['launchctl print gui/501', 'launchctl bootout gui/501/dev.elf.server']);
    expect(existsSync(file)).toBe(false);
  });

  it('a dry run shows the plist; Windows is refused with one line', async () => {
    const mac = harness('darwin');
    expect(await runServiceCommand(['install', '--dry-run'], mac.io)).toBe(0);
    expect(mac.out()).toContain('<key>RunAtLoad</key>\n  <true/>');
    expect(mac.out()).toMatch(
      /then run:\n {2}launchctl bootout gui\/501\/dev\.elf\.server\n {2}launchctl bootstrap gui\/501 /,
    );
    const windows = harness('win32');
    expect(await runServiceCommand(['install'], windows.io)).toBe(1);
    expect(windows.err()).toMatch(/^elf-server: service: no service manager ELF knows on win32 .*\n$/);
  });

  it('bad arguments are one line, exit 1, nothing written', async () => {
    const h = harness('linux', { manager: () => ok });
    expect(await runServiceCommand(['install', '--port', 'http'], h.io)).toBe(1);
    expect(h.err()).toBe('elf-server: --port: must be a whole number from 1 to 65535 (got "http")\n');
    expect(existsSync(join(h.home, '.config'))).toBe(false);
    expect(h.ran).toEqual([]);
  });
});

describe('the built elf-server', () => {
  it('service install --dry-run runs the launcher next to the bundle', () => {
    const dir = tempDir('elf-service-bin-');
    const result = spawnSync(process.execPath, [serverBin, 'service', 'install', '--dry-run', '--port', '4803'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, ELF_SERVICE_NO_MANAGER: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    if (process.platform === 'linux') {
      expect(result.stdout).toContain(`ExecStart="${process.execPath}" "${serverBin}" "--port" "4803"\n`);
      expect(existsSync(join(dir, '.config'))).toBe(false);
    }
    const help = spawnSync(process.execPath, [serverBin, 'service', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^Usage: elf-server service install/);
  });
});
