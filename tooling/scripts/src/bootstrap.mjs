#!/usr/bin/env node
// Runs the repository's top-level jobs on a machine that has only Node 20 and npm:
//   node tooling/scripts/src/bootstrap.mjs build|test|quickstart [vitest args…]
// It finds pnpm 9.15.9 (or runs it through npx), installs when needed, then builds, checks and
// tests. `test` ends with one line `N passed, N failed` counting every check and every test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand, pnpmVersion } from './pnpm-command.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  npm_config_update_notifier: 'false',
};

function log(message) {
  process.stdout.write(`\n▸ ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.error) process.stderr.write(`${command}: ${result.error.message}\n`);
  return result.status === 0;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    process.stderr.write(`ELF needs Node.js >= 20.19 (this is ${process.versions.node}).\n`);
    process.exit(1);
  }
}

const [pnpmBin, pnpmPrefix] = pnpmCommand(env);
const pnpm = (args, options) => run(pnpmBin, [...pnpmPrefix, ...args], options);

function install() {
  log(`install (pnpm ${pnpmVersion}; a first install compiles better-sqlite3, about 80 s)`);
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  return pnpm(['install', ...frozen, '--reporter=append-only']);
}

function build() {
  log('build');
  return pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
}

function countVitest(reportPath) {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function test(vitestArgs) {
  const results = [];
  const step = (name, ok) => {
    results.push({ name, ok });
    return ok;
  };
  if (!step('install', install()) || !step('build', build())) return summarize(results, { passed: 0, failed: 0 });
  log('typecheck');
  step('typecheck', pnpm(['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']));
  log('lint (biome)');
  step('lint', pnpm(['exec', 'biome', 'check', '.']));
  log('layer check');
  step('layers', run(process.execPath, ['tooling/scripts/src/check-layers.mjs']));
  log('publint');
  step('publint', pnpm(['exec', 'turbo', 'run', 'publint', '--output-logs=errors-only']));
  // What users meet on install: engines, README, public access, bins with a shebang, and every
  // library's types as TypeScript resolves them (@arethetypeswrong/cli).
  step('package checks', run(process.execPath, ['tooling/scripts/src/check-packages.mjs']));
  // The seed's "test performance in CI": figures printed, failing only on a ratio to a raw indexed
  // query measured in this same run (never an absolute time), against committed limits.
  log('benchmark (elf bench --size 1k, ratios checked)');
  step(
    'benchmark ratios',
    run(process.execPath, [
      'apps/cli/dist/bin.js',
      'bench',
      '--size',
      '1k',
      '--time',
      '300',
      '--cold-runs',
      '5',
      '--check',
      'tooling/scripts/bench-limits-1k.json',
    ]),
  );
  // The repeat-mistake benchmark on a 12-scenario slice (one per domain, three of each kind),
  // through the real built `elf hook` process: a floor on lesson recall, a ceiling on false
  // injections and tokens (bench/repeat-mistakes/limits-slice.json). The full corpus:
  // `npm run bench:repeat-mistakes`.
  log('repeat-mistake benchmark (12-scenario slice, limits checked)');
  step(
    'repeat-mistake benchmark',
    run(process.execPath, [
      'tooling/scripts/src/repeat-mistakes.mjs',
      '--slice',
      '12',
      '--check',
      'bench/repeat-mistakes/limits-slice.json',
    ]),
  );
  // elf-server under load from other processes (autocannon, 50 connections) while 8 `elf record`
  // processes write: it fails when a request goes unanswered or non-2xx, when the server logs
  // SQLITE_BUSY, or when a CLI write fails. Latencies are printed, not checked (a shared CI machine
  // says little about them); `npm run bench:server` is the full run at 10k learnings.
  log('server load (2k learnings, 3 s per load, every request answered)');
  step(
    'server load',
    run(process.execPath, [
      'tooling/scripts/src/bench-server.mjs',
      '--learnings',
      '2000',
      '--hooks',
      '50',
      '--duration',
      '3',
    ]),
  );
  // `elf mcp` as a client starts it, cold, message by message: it fails on any protocol error or
  // tool error; the times are printed (`npm run bench:mcp` is the full run at 10k learnings).
  log('MCP cold start (2k learnings, 5 runs)');
  step(
    'mcp cold start',
    run(process.execPath, ['tooling/scripts/src/bench-mcp.mjs', '--learnings', '2000', '--runs', '5']),
  );
  // The release path end to end (RELEASING.md): snapshot versions published with `pnpm release` to
  // a private verdaccio on loopback, then installed from it in a clean HOME as users install them.
  log('release rehearsal (verdaccio on loopback, npm i -g @elf/cli @elf/server, consumer projects)');
  step('release rehearsal', run(process.execPath, ['tooling/scripts/src/release-rehearsal.mjs']));
  log('tests (vitest)');
  const reportDir = join(root, '.turbo');
  mkdirSync(reportDir, { recursive: true });
  const reportPath = join(reportDir, 'vitest-report.json');
  rmSync(reportPath, { force: true });
  run(pnpmBin, [
    ...pnpmPrefix,
    'exec',
    'vitest',
    'run',
    '--config',
    'tooling/vitest/workspace.js',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
    ...vitestArgs,
  ]);
  return summarize(results, countVitest(reportPath));
}

function summarize(results, tests) {
  const failedChecks = results.filter((r) => !r.ok);
  const passed = results.length - failedChecks.length + tests.passed;
  const failed = failedChecks.length + tests.failed;
  process.stdout.write('\n');
  for (const r of results) process.stdout.write(`${r.ok ? '✓' : '✗'} ${r.name}\n`);
  process.stdout.write(`✓ ${tests.passed} tests passed${tests.failed ? `, ✗ ${tests.failed} failed` : ''}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0;
}

function quickstart() {
  if (!install() || !build()) return false;
  log('quickstart: a demo database in ./.elf-demo/');
  return run(process.execPath, ['tooling/scripts/src/quickstart.mjs']);
}

checkNode();
const [job, ...rest] = process.argv.slice(2);
const jobs = {
  build: () => install() && build(),
  test: () => test(rest),
  quickstart,
};
if (!jobs[job]) {
  process.stderr.write(`usage: bootstrap.mjs ${Object.keys(jobs).join('|')}\n`);
  process.exit(1);
}
process.exitCode = jobs[job]() ? 0 : 1;
