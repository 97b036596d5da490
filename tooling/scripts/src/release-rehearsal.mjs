#!/usr/bin/env node
// The release path, end to end, against a real registry (issue 17):
//   node tooling/scripts/src/release-rehearsal.mjs [--keep]      (npm run release:rehearse)
//
// 1. Copies the working tree to a stage, adds one changeset releasing every public package, and
//    versions it with changesets in snapshot mode (`changeset version --snapshot rehearsal`).
// 2. Starts verdaccio 6.8.0 on loopback (storage in a temp folder, no uplink) and publishes with
//    the repository's own release command (`pnpm release`: turbo build, then changeset publish).
// 3. In a clean HOME and npm prefix whose npm config sends only `@elf/*` to that registry:
//    `npm i -g @elf/cli` (better-sqlite3 compiled from source, and counted), `npm i -g
//    @elf/server`, then the bins on Node 20.19.0 (the oldest Node the packages accept): `elf init`,
//    `elf record`, `elf context`, `elf hooks install --dry-run`, `elf-server` answering
//    /api/stats; a consumer project with `npm i @elf/core` (an ESM script, a CommonJS script and
//    `tsc --noEmit` against the published types); and `npm i @elf/context` alone building a context.
// 4. Stops everything it started and checks that nothing is left running.
//
// Only the `@elf/cli` install compiles better-sqlite3: the later installs fetch the binary that
// compile produced from a loopback mirror (prebuild-install's binary host), as users' installs
// fetch better-sqlite3's published prebuilt binary from GitHub. Tarball sizes and install times
// are printed at the end. --keep leaves the temp folder (printed) for a look.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  createReadStream,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicPackages, strictConsumer } from './check-packages.mjs';
import { pnpmCommand, pnpmVersion } from './pnpm-command.mjs';
import { syncPluginVersion } from './sync-plugin-version.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
/** The oldest Node the packages accept (engines ">=20.19"): the bins and consumers run on it. */
const oldestNode = '20.19.0';
const snapshotTag = 'rehearsal';

const started = performance.now();
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'elf-rehearsal-'));
const dirs = Object.fromEntries(
  [
    'stage',
    'registry',
    'publisher',
    'home',
    'prefix',
    'cache',
    'prebuilds',
    'node',
    'project',
    'consumer-core',
    'consumer-context',
  ].map((name) => [name, join(work, name)]),
);
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

/** Children this script started and must stop: name → ChildProcess. */
const children = new Map();
/** Servers this script listens with. */
const servers = [];
const report = { sizes: [], installs: [] };

function say(line) {
  process.stdout.write(`${line}\n`);
}

class StepError extends Error {}

function fail(message) {
  throw new StepError(message);
}

async function step(name, body) {
  const t0 = performance.now();
  const detail = await body();
  say(`  ✓ ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
  return detail;
}

/** A child's stdout and stderr as they arrive, interleaved: call the result for the text so far. */
function collect(child) {
  let text = '';
  const add = (chunk) => {
    text += chunk;
  };
  child.stdout.on('data', add);
  child.stderr.on('data', add);
  return () => text;
}

/**
 * Runs a command to its end (`input` on its stdin), its output kept (and shown when it fails). A command still running
 * after `timeoutMs` is killed, so a stalled install fails the rehearsal instead of hanging CI.
 * @returns {Promise<{ code: number | null, out: string, ms: number }>}
 */
function exec(command, args, { cwd = root, env = process.env, input, quiet = false, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Its own process group, so a timeout or an interrupt stops what it started too (turbo, tsup,
    // node-gyp's make), and 'close' is not held open by a grandchild with the pipes.
    const stdio = [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'];
    const child = spawn(command, args, { cwd, env, stdio, detached: process.platform !== 'win32' });
    running.add(child);
    child.stdin?.end(input);
    const timer = setTimeout(() => killGroup(child), timeoutMs);
    const output = collect(child);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      const out = output();
      const result = { code, out, ms: performance.now() - t0 };
      if (code === 0) resolve(result);
      else {
        if (!quiet) process.stdout.write(out.split('\n').slice(-60).join('\n'));
        const how = code === null ? `was killed after ${timeoutMs / 1000} s` : `exited with ${code}`;
        reject(new StepError(`${command} ${args.join(' ')} ${how} (in ${relative(work, cwd) || cwd})`));
      }
    });
  });
}

/** Commands running now (exec): stopped with their process groups on a timeout or an interrupt. */
const running = new Set();

function killGroup(child) {
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {}
}

/** A free loopback port (asked of the kernel, then released for the child to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > deadline) fail(`${what}: not ready after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function portRefuses(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopChild(name) {
  const child = children.get(name);
  if (!child) return;
  children.delete(name);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ── 1. Stage and snapshot version ───────────────────────────────────────────────────────────────

/** The working tree's files (tracked and new, not ignored), copied; node_modules linked, not copied. */
async function stage() {
  const listed = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { quiet: true });
  let files = 0;
  for (const file of listed.out.split('\0').filter(Boolean)) {
    const from = join(root, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet in the index
    const to = join(dirs.stage, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    files += 1;
  }
  // pnpm's node_modules are links into the root's store (relative) and to workspace packages:
  // the same links in the stage resolve to the stage's own packages and, through a link to the
  // root's node_modules, to the same installed dependencies.
  symlinkSync(join(root, 'node_modules'), join(dirs.stage, 'node_modules'), 'junction');
  for (const group of ['packages', 'apps', 'tooling']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const modules = join(root, group, entry.name, 'node_modules');
      if (!entry.isDirectory() || !existsSync(modules)) continue;
      cpSync(modules, join(dirs.stage, group, entry.name, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
        // Links and .bin shims only: tool caches (.vite, .cache) stay behind.
        filter: (src) => !/^\.(vite|cache)$/.test(relative(modules, src).split(/[/\\]/)[0]),
      });
    }
  }
  return `${files} files`;
}

/** Every public package's name and directory in the stage. */
function stagedPackages() {
  return publicPackages(dirs.stage).map(({ dir, pkg }) => ({ dir, name: pkg.name }));
}

async function snapshotVersion(pnpm, env) {
  const packages = stagedPackages();
  const frontmatter = packages.map(({ name }) => `"${name}": patch`).join('\n');
  writeFileSync(
    join(dirs.stage, '.changeset', 'release-rehearsal.md'),
    `---\n${frontmatter}\n---\n\nRelease rehearsal: every public package, published to a private registry.\n`,
  );
  await exec(pnpm[0], [...pnpm[1], 'exec', 'changeset', 'version', '--snapshot', snapshotTag], {
    cwd: dirs.stage,
    env,
  });
  // What `pnpm version-packages` runs after changeset version.
  syncPluginVersion(dirs.stage);
  const versions = new Map(
    packages.map(({ dir, name }) => [name, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version]),
  );
  for (const [name, version] of versions)
    if (!version.includes(`-${snapshotTag}-`)) fail(`changeset version --snapshot left ${name} at ${version}`);
  return versions;
}

// ── 2. Registry and publish ─────────────────────────────────────────────────────────────────────

async function startRegistry() {
  const port = await freePort();
  const config = join(dirs.registry, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dirs.registry, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dirs.registry, 'htpasswd'))}`,
      '    max_users: 1',
      // No uplinks: the registry holds only what the rehearsal publishes.
      'uplinks: {}',
      'packages:',
      "  '@elf/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const manifest = require.resolve('verdaccio/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const entry = join(dirname(manifest), typeof bin === 'string' ? bin : bin.verdaccio);
  const child = spawn(process.execPath, [entry, '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: dirs.registry,
    env: { ...process.env, HOME: dirs.registry },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = collect(child);
  children.set('registry', child);
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitFor('verdaccio', async () => (await fetch(`${url}-/ping`)).ok);
  } catch (error) {
    say(log());
    throw error;
  }
  // A publisher account: verdaccio's htpasswd plugin creates it on first login and returns a token.
  const user = await fetch(`${url}-/user/org.couchdb.user:rehearsal`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'rehearsal', password: `rehearsal-${process.pid}` }),
  });
  const { token } = await user.json();
  if (!token) fail(`verdaccio: no token for the publisher (HTTP ${user.status})`);
  return { url, port, pid: child.pid, token };
}

/** `pnpm release` in the stage: the build, then changeset publish (to the registry, under the tag). */
async function publish(pnpm, env, registry) {
  const auth = `//127.0.0.1:${registry.port}/:_authToken=${registry.token}\n`;
  writeFileSync(join(dirs.publisher, '.npmrc'), auth);
  // Everything points at the rehearsal registry, scoped and not, so nothing can reach npmjs.org.
  const publishEnv = {
    ...env,
    HOME: dirs.publisher,
    npm_config_userconfig: join(dirs.publisher, '.npmrc'),
    npm_config_registry: registry.url,
    'npm_config_@elf:registry': registry.url,
  };
  await exec(pnpm[0], [...pnpm[1], 'run', 'release', '--tag', 'latest', '--no-git-tag'], {
    cwd: dirs.stage,
    env: publishEnv,
  });
}

/** Each published tarball's size, from the registry's own storage. */
function tarballSizes(versions) {
  for (const [name, version] of versions) {
    const [scope, bare] = name.split('/');
    const file = join(dirs.registry, 'storage', scope, bare, `${bare}-${version}.tgz`);
    if (!existsSync(file)) fail(`${name}@${version}: not in the registry's storage (${file})`);
    report.sizes.push({ name, bytes: statSync(file).size });
  }
}

// ── 3. Users' installs ──────────────────────────────────────────────────────────────────────────

/** The `node` of `oldestNode`, from the npm registry's node-<platform>-<arch> package. */
async function fetchOldestNode(userEnv) {
  const pkg = `node-${process.platform}-${process.arch}@${oldestNode}`;
  await exec('npm', ['pack', pkg, '--pack-destination', dirs.node], { cwd: dirs.node, env: userEnv });
  const tarball = readdirSync(dirs.node).find((file) => file.endsWith('.tgz'));
  await exec('tar', ['-xzf', tarball], { cwd: dirs.node });
  const bin = join(dirs.node, 'package', 'bin');
  const version = await exec(join(bin, 'node'), ['--version'], { env: userEnv });
  if (version.out.trim() !== `v${oldestNode}`) fail(`${pkg}: node --version printed ${version.out.trim()}`);
  return bin;
}

/** The better-sqlite3 copies (and their compiled addons) under a folder. */
function nativeCopies(folder) {
  const copies = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'better-sqlite3' && existsSync(join(path, 'package.json'))) {
        const addon = join(path, 'build', 'Release', 'better_sqlite3.node');
        const { version } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
        copies.push({ path, version, addon: existsSync(addon) ? addon : null });
      }
      walk(path);
    }
  };
  walk(folder);
  return copies;
}

/**
 * A loopback stand-in for better-sqlite3's GitHub release downloads (prebuild-install's binary
 * host). It starts empty, so the first install finds no binary and compiles, whether or not this
 * machine reaches GitHub; `add` then offers the binary that compile produced.
 */
async function startPrebuildMirror() {
  const served = [];
  const missed = [];
  const server = createServer((request, response) => {
    let file = '';
    try {
      file = join(dirs.prebuilds, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    } catch {}
    if (!file.startsWith(dirs.prebuilds) || !existsSync(file) || !lstatSync(file).isFile()) {
      missed.push(request.url);
      response.writeHead(404).end();
      return;
    }
    served.push(request.url);
    response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const add = async (copy) => {
    const abi = process.versions.modules;
    const name = `better-sqlite3-v${copy.version}-node-v${abi}-${process.platform}-${process.arch}.tar.gz`;
    const folder = join(dirs.prebuilds, `v${copy.version}`);
    mkdirSync(folder, { recursive: true });
    await exec('tar', ['-czf', join(folder, name), 'build/Release/better_sqlite3.node'], { cwd: copy.path });
  };
  return { url: `http://127.0.0.1:${server.address().port}`, port: server.address().port, served, missed, add };
}

/**
 * One `npm i`, timed, with what it did about better-sqlite3: compiles (node-gyp's closing line),
 * downloads from the mirror, and the copies in the installed tree (each must hold its addon).
 */
async function install(label, args, { cwd, env, mirror, tree }) {
  const before = mirror.served.length;
  const result = await exec('npm', [...args, '--foreground-scripts'], { cwd, env });
  const compiles = (result.out.match(/^gyp info ok\s*$/gm) ?? []).length;
  const downloads = mirror.served.length - before;
  const copies = nativeCopies(tree);
  expect(copies.length === 1, `${label}: ${copies.length} copies of better-sqlite3 under ${tree}`);
  expect(copies[0].addon, `${label}: better-sqlite3 has no compiled addon`);
  report.installs.push({ label, seconds: result.ms / 1000, compiles, downloads });
  return { ...result, compiles, downloads, copy: copies[0] };
}

function expect(condition, message) {
  if (!condition) fail(message);
}

async function main() {
  say(`release rehearsal in ${work}`);
  // changeset publish runs `pnpm publish` by name, with the registry pointed at verdaccio, where npx
  // could not fetch pnpm: without pnpm on PATH, the pinned version is installed here once and a
  // shim puts it on PATH.
  let pnpm = pnpmCommand();
  const shimDir = join(work, 'bin');
  mkdirSync(shimDir, { recursive: true });
  if (pnpm[0] !== 'pnpm') {
    const folder = join(work, 'pnpm');
    await exec('npm', ['i', '--prefix', folder, '--no-save', `pnpm@${pnpmVersion}`], { quiet: true });
    const entry = join(folder, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
    pnpm = [process.execPath, [entry]];
    writeFileSync(join(shimDir, 'pnpm'), `#!/bin/sh\nexec '${process.execPath}' '${entry}' "$@"\n`, { mode: 0o755 });
  }
  const toolEnv = {
    ...process.env,
    PATH: `${shimDir}${delimiter}${process.env.PATH}`,
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
    npm_config_update_notifier: 'false',
  };

  say('1. version');
  await step('stage: the working tree copied', stage);
  let versions;
  await step('changeset version --snapshot rehearsal', async () => {
    versions = await snapshotVersion(pnpm, toolEnv);
    return `${versions.size} packages at ${[...new Set(versions.values())].join(', ')}`;
  });
  const cliVersion = versions.get('@elf/cli');

  say('2. publish');
  let registry;
  await step('verdaccio 6.8.0 on loopback, no uplink', async () => {
    registry = await startRegistry();
    return registry.url;
  });
  await step('pnpm release (turbo build, changeset publish)', async () => {
    await publish(pnpm, toolEnv, registry);
    // Each package's tarball in the registry's storage, at its snapshot version.
    tarballSizes(versions);
    return `${versions.size} packages in the registry`;
  });

  say('3. install as users do');
  // A clean HOME, npm prefix and cache; npm's machine-wide config (CA file, Node headers) kept.
  const globalconfig = (await exec('npm', ['config', 'get', 'globalconfig'], { quiet: true })).out.trim();
  const defaultRegistry = (await exec('npm', ['config', 'get', 'registry'], { quiet: true })).out.trim();
  // node-gyp's headers: where this machine keeps them (npm's nodedir), else node-gyp downloads them.
  const nodedir = (await exec('npm', ['config', 'get', 'nodedir'], { quiet: true })).out.trim();
  const headers = nodedir && nodedir !== 'undefined' && nodedir !== 'null' ? `nodedir=${nodedir}\n` : '';
  writeFileSync(join(dirs.home, '.npmrc'), `@elf:registry=${registry.url}\n${headers}`);
  const userEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
    HOME: dirs.home,
    USERPROFILE: dirs.home,
    npm_config_userconfig: join(dirs.home, '.npmrc'),
    npm_config_globalconfig: globalconfig,
    npm_config_registry: defaultRegistry,
    npm_config_prefix: dirs.prefix,
    npm_config_cache: dirs.cache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PATH: `${join(dirs.prefix, 'bin')}${delimiter}${process.env.PATH}`,
    ELF_HOME: join(dirs.home, '.elf'),
  };
  delete userEnv.ELF_DB;

  const mirror = await startPrebuildMirror();
  const mirrorEnv = { ...userEnv, npm_config_better_sqlite3_binary_host: mirror.url };
  let cli;
  await step('npm i -g @elf/cli (better-sqlite3 from source)', async () => {
    const result = await install('npm i -g @elf/cli (compiles better-sqlite3)', ['i', '-g', '@elf/cli'], {
      cwd: dirs.home,
      env: mirrorEnv,
      mirror,
      tree: join(dirs.prefix, 'lib', 'node_modules', '@elf', 'cli'),
    });
    expect(result.compiles === 1, `better-sqlite3 compiled ${result.compiles} times`);
    cli = { copy: result.copy };
    return `better-sqlite3 ${result.copy.version}: one copy, compiled once`;
  });
  await mirror.add(cli.copy);

  await step('npm i -g @elf/server', async () => {
    const result = await install('npm i -g @elf/server (prebuilt binary)', ['i', '-g', '@elf/server'], {
      cwd: dirs.home,
      env: mirrorEnv,
      mirror,
      tree: join(dirs.prefix, 'lib', 'node_modules', '@elf', 'server'),
    });
    return `${result.compiles} compiles, ${result.downloads} prebuilt download`;
  });

  // What most users see: the same install where better-sqlite3's prebuilt binary is reachable, into
  // a second prefix with its own empty npm cache (so nothing comes from the first install).
  await step('npm i -g @elf/cli again, prebuilt binary, empty cache', async () => {
    const prefix = join(work, 'prefix-prebuilt');
    const result = await install('npm i -g @elf/cli (prebuilt binary)', ['i', '-g', '@elf/cli'], {
      cwd: dirs.home,
      env: { ...mirrorEnv, npm_config_prefix: prefix, npm_config_cache: join(work, 'cache-prebuilt') },
      mirror,
      tree: join(prefix, 'lib', 'node_modules', '@elf', 'cli'),
    });
    expect(
      result.compiles === 0 && result.downloads === 1,
      `compiled ${result.compiles}, downloaded ${result.downloads}`,
    );
    return `${result.compiles} compiles, ${result.downloads} prebuilt download`;
  });

  // The bins' shebang is `#!/usr/bin/env node`: with the oldest Node accepted first on PATH, they
  // run on it. better-sqlite3 was built for this Node's ABI, so that needs this Node's major.
  let runNode = process.versions.node;
  let nodeBin = dirname(process.execPath);
  if (process.versions.node.split('.')[0] === oldestNode.split('.')[0]) {
    await step(`Node ${oldestNode} (npm's node-${process.platform}-${process.arch})`, async () => {
      nodeBin = await fetchOldestNode(userEnv);
      runNode = oldestNode;
    });
  } else say(`  - Node ${oldestNode} not tried: this is Node ${runNode}, and the addon is built for its ABI`);
  const oldEnv = {
    ...userEnv,
    PATH: `${join(dirs.prefix, 'bin')}${delimiter}${nodeBin}${delimiter}${process.env.PATH}`,
  };
  const elf = (args, options = {}) => exec('elf', args, { cwd: dirs.project, env: oldEnv, ...options });

  await step(`the bins on Node ${runNode}`, async () => {
    const onPath = await exec('node', ['--version'], { env: oldEnv });
    expect(onPath.out.trim() === `v${runNode}`, `node on the bins' PATH is ${onPath.out.trim()}`);
    await exec('git', ['init', '-q'], { cwd: dirs.project, env: oldEnv });
    const version = await elf(['--version']);
    expect(version.out.trim() === cliVersion, `elf --version printed ${version.out.trim()}, not ${cliVersion}`);
    const plugin = join(dirs.prefix, 'lib', 'node_modules', '@elf', 'cli', '.claude-plugin', 'plugin.json');
    const pluginVersion = JSON.parse(readFileSync(plugin, 'utf8')).version;
    expect(pluginVersion === cliVersion, `the plugin manifest says ${pluginVersion}, not ${cliVersion}`);
    await elf(['init']);
    await elf([
      'record',
      'failure',
      '--title',
      'Deploy failed: ECONNREFUSED 5432 from the staging database',
      '--domain',
      'deploy',
      '--summary',
      'The migration job started before the database accepted connections.',
    ]);
    await elf([
      'record',
      'heuristic',
      '--rule',
      'Wait for the database health check before running migrations',
      '--domain',
      'deploy',
      '--confidence',
      'high',
    ]);
    const context = await elf(['context', '--task', 'the staging deploy cannot connect to postgres']);
    expect(
      context.out.includes('Wait for the database health check') && context.out.includes('ECONNREFUSED'),
      `elf context did not show what was recorded:\n${context.out}`,
    );
    // The other two bundles: `elf hook` (hook.cjs) on a prompt event, `elf mcp` (mcp.cjs) over stdio.
    const prompt = {
      session_id: 'rehearsal',
      transcript_path: '',
      cwd: dirs.project,
      hook_event_name: 'UserPromptSubmit',
      prompt: 'the staging deploy cannot connect to postgres',
    };
    const hook = await elf(['hook'], { input: JSON.stringify(prompt) });
    expect(hook.out.includes('Wait for the database health check'), `elf hook did not inject the rule:\n${hook.out}`);
    const messages = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'rehearsal', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    ];
    const mcp = await elf(['mcp'], { input: messages.map((m) => `${JSON.stringify(m)}\n`).join('') });
    const listed = mcp.out.split('\n').filter((line) => line.includes('"id":2'));
    expect(
      listed.length === 1 && listed[0].includes('"elf_context"'),
      `elf mcp did not list its tools:\n${mcp.out.slice(0, 500)}`,
    );
    const hooks = await elf(['hooks', 'install', '--dry-run']);
    const settings = join(dirs.home, '.claude', 'settings.json');
    expect(
      hooks.out.toLowerCase().includes(`would update ${settings.toLowerCase()}`) &&
        /SessionStart\s+added/.test(hooks.out) &&
        !existsSync(settings),
      `elf hooks install --dry-run:\n${hooks.out}`,
    );
    return `elf ${cliVersion}: init, record, context, hook, mcp, hooks install --dry-run`;
  });

  await step('elf-server answers /api/stats', async () => {
    const child = spawn('elf-server', ['--port', '0'], {
      cwd: dirs.project,
      env: oldEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set('elf-server', child);
    const out = collect(child);
    let url;
    await waitFor('elf-server', () => {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out())?.[1];
      return Boolean(url);
    });
    const response = await fetch(`${url}api/stats`);
    const stats = await response.json();
    expect(response.ok, `/api/stats answered ${response.status}`);
    const text = JSON.stringify(stats);
    expect(
      stats.stats?.total_learnings >= 1 && stats.stats?.total_heuristics >= 1,
      `/api/stats does not count what elf recorded: ${text.slice(0, 300)}`,
    );
    await stopChild('elf-server');
    expect(!alive(child.pid), 'elf-server still running after SIGTERM');
    return `${response.status}, ${text.length} bytes`;
  });

  await step('a consumer project: npm i @elf/core, ESM, CommonJS and tsc --noEmit', async () => {
    const cwd = dirs['consumer-core'];
    await exec('npm', ['init', '-y'], { cwd, env: userEnv, quiet: true });
    await install('npm i @elf/core (prebuilt binary)', ['i', '@elf/core', '@types/node@^20'], {
      cwd,
      env: mirrorEnv,
      mirror,
      tree: join(cwd, 'node_modules'),
    });
    writeConsumerCore(cwd);
    const esm = await exec('node', ['record.mjs'], { cwd, env: oldEnv });
    expect(esm.out.includes('recorded 2, found 1 heuristic and 1 learning'), `record.mjs printed:\n${esm.out}`);
    const cjs = await exec('node', ['record.cjs'], { cwd, env: oldEnv });
    expect(cjs.out.includes('recorded 2, found 1 heuristic and 1 learning'), `record.cjs printed:\n${cjs.out}`);
    const tsc = join(dirname(require.resolve('typescript/package.json', { paths: [root] })), 'bin', 'tsc');
    await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd, env: userEnv });
    return `record.mjs and record.cjs on Node ${runNode}; tsc --noEmit (check.mts, check.cts) clean`;
  });

  await step('npm i @elf/context alone, building a context', async () => {
    const cwd = dirs['consumer-context'];
    await exec('npm', ['init', '-y'], { cwd, env: userEnv, quiet: true });
    await install('npm i @elf/context (prebuilt binary)', ['i', '@elf/context'], {
      cwd,
      env: mirrorEnv,
      mirror,
      tree: join(cwd, 'node_modules'),
    });
    writeFileSync(
      join(cwd, 'context.mjs'),
      `import { ContextBuilder, Elf } from '@elf/context';

const elf = await Elf.open({ path: './elf.db', cwd: process.cwd() });
await elf.recordHeuristic({ rule: 'Retry flaky network calls with backoff, never in a tight loop', domain: 'network', confidence: 'high' });
const builder = new ContextBuilder(elf);
const { text, tokens, budget } = await builder.build({ task: 'network calls to the payments API are flaky and time out', maxTokens: 500 });
await elf.close();
console.log(JSON.stringify({ tokens, budget, shows: text.includes('Retry flaky network calls') }));
`,
    );
    const result = await exec('node', ['context.mjs'], { cwd, env: oldEnv });
    const built = JSON.parse(result.out.trim().split('\n').pop());
    expect(built.shows && built.tokens <= built.budget, `context.mjs printed ${result.out}`);
    return `${built.tokens} of ${built.budget} tokens, the recorded rule shown`;
  });

  say('4. stop');
  await step('registry and mirror stopped, nothing left running', async () => {
    await stopChild('registry');
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    expect(!alive(registry.pid), `verdaccio (pid ${registry.pid}) still running`);
    expect(await portRefuses(registry.port), `port ${registry.port} still answers`);
    expect(await portRefuses(mirror.port), `port ${mirror.port} still answers`);
  });
}

function writeConsumerCore(cwd) {
  const script = (load, db) => `${load}
async function main() {
  const elf = await Elf.open({ path: '${db}', cwd: process.cwd() });
  await elf.recordLearning({ type: 'failure', title: 'Deploy broke: disk full on the build agent', domain: 'ops', severity: 'high' });
  await elf.recordHeuristic({ rule: 'Clean the build cache before large deploys', domain: 'ops', confidence: 0.7 });
  const { heuristics, learnings } = await elf.queryByDomain({ domain: 'ops', limit: 20 });
  await elf.close();
  console.log(\`recorded 2, found \${heuristics.length} heuristic and \${learnings.length} learning\`);
}
main();
`;
  writeFileSync(join(cwd, 'record.mjs'), script("import { Elf } from '@elf/core';", './esm.db'));
  // CommonJS loading the ESM-only package: require(esm), unflagged from Node 20.19.
  writeFileSync(join(cwd, 'record.cjs'), script("const { Elf } = require('@elf/core');", './cjs.db'));
  const typed = `import { Elf, type Heuristic } from '@elf/core';

export async function check(path: string): Promise<number> {
  const elf = await Elf.open({ path, cwd: process.cwd() });
  const stored = await elf.recordHeuristic({ rule: 'Pin the toolchain version', domain: 'build', confidence: 'medium' });
  const rules: Heuristic[] = (await elf.queryByDomain({ domain: 'build' })).heuristics;
  await elf.close();
  return rules.filter((rule) => rule.id === stored.id).length;
}
`;
  writeFileSync(join(cwd, 'check.mts'), typed);
  writeFileSync(join(cwd, 'check.cts'), typed);
  writeFileSync(
    join(cwd, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: strictConsumer,
        files: ['check.mts', 'check.cts'],
      },
      null,
      2,
    ),
  );
}

function printReport() {
  if (report.sizes.length > 0) {
    say('\ntarballs (as published):');
    for (const { name, bytes } of report.sizes)
      say(`  ${name.padEnd(18)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
  if (report.installs.length > 0) {
    say(
      "installs (clean HOME; npm cache empty at the first; prebuilt binaries from the mirror or prebuild-install's cache):",
    );
    for (const { label, seconds, compiles, downloads } of report.installs)
      say(
        `  ${label.padEnd(48)} ${seconds.toFixed(1).padStart(6)} s   compiles ${compiles}, prebuilt downloads ${downloads}`,
      );
  }
}

/** Stops everything this script started: commands with their groups, the registry, the servers. */
async function stopAll() {
  for (const child of running) killGroup(child);
  for (const name of [...children.keys()]) await stopChild(name);
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
}

// Interrupted (CI cancelled, Ctrl-C): nothing may be left running, the temp folder is kept.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    say(`\n  ✗ interrupted (${signal}); stopping what the rehearsal started; kept ${work}`);
    await stopAll();
    process.exit(1);
  });
}

let ok = false;
try {
  await main();
  ok = true;
} catch (error) {
  say(`  ✗ ${error instanceof StepError ? error.message : (error?.stack ?? String(error))}`);
} finally {
  await stopAll();
  printReport();
  if (keep || !ok) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  say(`release rehearsal ${ok ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
process.exitCode = ok ? 0 : 1;
