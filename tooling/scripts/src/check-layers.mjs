#!/usr/bin/env node
// The layer check (see docs/architecture.md, "Dependency direction"). Fails when
//  - a package imports an app,
//  - a package imports a package it may not depend on (lower layers never import higher ones),
//  - an app imports another app,
//  - anything but @elf/schema imports better-sqlite3,
//  - code reaches into another package's src/ or dist/ instead of its exports,
//  - a package's source (not its tests) prints, exits or reads the environment: console.*,
//    process.exit, process.stdout, process.stderr, process.env. Packages take config objects
//    and an optional logger; only apps talk to the process.
// It reads import specifiers of every .ts/.mts/.js/.mjs file under src/ and test/ of each
// workspace package, plus the dependencies declared in its package.json, and the code (comments
// aside) of every non-test file under each package's src/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Which @elf packages each package may import. Apps may import any package. */
export const allowedDependencies = {
  '@elf/schema': [],
  '@elf/core': ['@elf/schema'],
  '@elf/context': ['@elf/schema', '@elf/core'],
  // Agent events in, context out; only apps import it.
  '@elf/hooks': ['@elf/schema', '@elf/core', '@elf/context'],
  // MCP tools and resources over the loop; only apps import it (and connect it to a transport).
  '@elf/mcp': ['@elf/schema', '@elf/core', '@elf/context', '@elf/hooks'],
  '@elf/maintenance': ['@elf/schema', '@elf/core'],
  '@elf/profiling': ['@elf/schema', '@elf/core', '@elf/context'],
};

/** What a package's source never touches: the process's output, exit and environment. */
export const silenceRules = [
  { name: 'console', pattern: /\bconsole\s*(?:\.|\[)/ },
  { name: 'process.exit', pattern: /\bprocess\s*(?:\.\s*|\[\s*['"`])exit/ },
  { name: 'process.stdout', pattern: /\bprocess\s*(?:\.\s*|\[\s*['"`])stdout\b/ },
  { name: 'process.stderr', pattern: /\bprocess\s*(?:\.\s*|\[\s*['"`])stderr\b/ },
  { name: 'process.env', pattern: /\bprocess\s*(?:\.\s*|\[\s*['"`])env\b/ },
];

/**
 * The few package files allowed one of those, each with the reason, e.g.
 *   { file: 'packages/x/src/y.ts', rule: 'process.env', why: '…' }
 * None is needed today: the profiler spawns `node` through process.execPath (not banned) and
 * lets Node hand its children the environment.
 */
export const silenceExceptions = [];

const nativeOwner = { 'better-sqlite3': '@elf/schema' };
const sourceExtensions = /\.(?:[cm]?ts|[cm]?js|tsx)$/;
const specifierPattern =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,]+\s+from\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : sourceExtensions.test(name) ? [path] : [];
  });
}

const testFile = /(?:\.(?:test|spec)\.[cm]?[jt]sx?$)|(?:^|\/)(?:test|tests|__tests__|fixtures)\//;

/**
 * The lines that are code: block and line comments dropped, so prose may name what code may not.
 * Line-based on purpose (no parser here): `//` counts as a comment only at a line's start or
 * after whitespace, which leaves URLs in strings alone.
 */
function codeLines(text) {
  let inBlock = false;
  return text.split('\n').map((line) => {
    let code = line;
    if (inBlock) {
      const end = code.indexOf('*/');
      if (end === -1) return '';
      code = code.slice(end + 2);
      inBlock = false;
    }
    code = code.replace(/\/\*.*?\*\//g, '');
    const start = code.search(/(?:^|\s)\/\*/);
    if (start !== -1) {
      code = code.slice(0, start);
      inBlock = true;
    }
    return code.replace(/(?:^|\s)\/\/.*$/, '');
  });
}

function silenceProblems(root, unit, exceptions) {
  const problems = [];
  for (const file of walk(join(unit.dir, 'src'))) {
    const where = relative(root, file).split('\\').join('/');
    if (testFile.test(relative(join(unit.dir, 'src'), file).split('\\').join('/'))) continue;
    const lines = codeLines(readFileSync(file, 'utf8'));
    for (const rule of silenceRules) {
      if (exceptions.some((e) => e.file === where && e.rule === rule.name)) continue;
      lines.forEach((code, index) => {
        if (!rule.pattern.test(code)) return;
        problems.push(
          `${where}:${index + 1}: packages never use ${rule.name} (take config and a logger; apps do the I/O)`,
        );
      });
    }
  }
  return problems;
}

function packageName(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Finds the workspace's packages and apps: { name, dir, kind: 'package' | 'app' }. */
export function workspaceUnits(root) {
  const units = [];
  for (const kind of ['packages', 'apps']) {
    const base = join(root, kind);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const manifest = join(base, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      units.push({ name: pkg.name, dir: join(base, name), kind: kind === 'apps' ? 'app' : 'package', pkg });
    }
  }
  return units;
}

/**
 * Returns the list of violations (empty when the layers hold). `exceptions` replaces the
 * silence exceptions table (tests use it).
 */
export function checkLayers(root, { exceptions = silenceExceptions } = {}) {
  const units = workspaceUnits(root);
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const problems = [];

  const judge = (unit, target, where) => {
    const other = byName.get(target);
    if (target === unit.name) return;
    if (nativeOwner[target] && nativeOwner[target] !== unit.name && unit.kind === 'package') {
      problems.push(`${where}: only ${nativeOwner[target]} may import ${target}`);
    }
    if (!other) return;
    if (other.kind === 'app') {
      problems.push(
        `${where}: ${unit.kind === 'app' ? 'apps never import each other' : 'packages never import apps'} (${target})`,
      );
      return;
    }
    if (unit.kind === 'package') {
      const allowed = allowedDependencies[unit.name];
      if (!allowed) problems.push(`${where}: ${unit.name} has no layer in allowedDependencies`);
      else if (!allowed.includes(target))
        problems.push(`${where}: ${unit.name} may not depend on ${target} (layer order)`);
    }
  };

  for (const unit of units) {
    if (unit.kind === 'package') problems.push(...silenceProblems(root, unit, exceptions));
    const declared = { ...unit.pkg.dependencies, ...unit.pkg.peerDependencies, ...unit.pkg.devDependencies };
    for (const dep of Object.keys(declared)) {
      if (dep === 'better-sqlite3' || dep.startsWith('@types/')) continue; // apps may ship the native addon
      judge(unit, dep, `${relative(root, join(unit.dir, 'package.json'))} (dependency)`);
    }
    for (const file of [...walk(join(unit.dir, 'src')), ...walk(join(unit.dir, 'test'))]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(specifierPattern)) {
        const specifier = match[1];
        const where = relative(root, file);
        const target = packageName(specifier);
        if (specifier.startsWith('.') && /(?:^|\/)(?:packages|apps)\//.test(specifier)) {
          problems.push(`${where}: import another package through its exports, not a relative path (${specifier})`);
        }
        if (!target) continue;
        if (byName.has(target) && /\/(?:src|dist)(?:\/|$)/.test(specifier.slice(target.length))) {
          problems.push(`${where}: import ${target} through its exports map, not ${specifier}`);
        }
        if (target === 'better-sqlite3' && unit.name !== '@elf/schema') {
          problems.push(`${where}: only @elf/schema may import better-sqlite3`);
          continue;
        }
        judge(unit, target, where);
      }
    }
  }
  return [...new Set(problems)];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const problems = checkLayers(root);
  if (problems.length > 0) {
    process.stderr.write(`layer check failed:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`layer check passed (${workspaceUnits(root).length} packages and apps)\n`);
}
