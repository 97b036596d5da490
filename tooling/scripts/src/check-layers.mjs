#!/usr/bin/env node
// The layer check (see ../shared/docs/architecture.md, "Dependency direction"). Fails when
//  - a package imports an app,
//  - a package imports a package it may not depend on (lower layers never import higher ones),
//  - an app imports another app,
//  - anything but @elf/schema imports better-sqlite3,
//  - code reaches into another package's src/ or dist/ instead of its exports.
// It reads import specifiers of every .ts/.mts/.js/.mjs file under src/ and test/ of each
// workspace package, plus the dependencies declared in its package.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Which @elf packages each package may import. Apps may import any package. */
export const allowedDependencies = {
  '@elf/schema': [],
  '@elf/core': ['@elf/schema'],
  '@elf/context': ['@elf/schema', '@elf/core'],
  '@elf/hooks': ['@elf/schema', '@elf/core', '@elf/context'],
  '@elf/maintenance': ['@elf/schema', '@elf/core'],
  '@elf/profiling': ['@elf/schema', '@elf/core', '@elf/context'],
};

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

/** Returns the list of violations (empty when the layers hold). */
export function checkLayers(root) {
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
