#!/usr/bin/env node
// What users meet when they install a public package, checked on the built workspace (issue 17,
// "checks that catch what users hit"): Node's supported range stated, a README on the npm page,
// public access, every bin present with a shebang, and for every library the types a TypeScript
// consumer resolves (@arethetypeswrong/cli, ESM-only profile: ELF ships ESM, which CommonJS on
// Node ≥ 20.19 loads with require()).
//   node tooling/scripts/src/check-packages.mjs [--no-types]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node range every public package states (package.json "engines"). */
export const nodeRange = '>=20.19';

/**
 * What is wrong with one public package: its manifest, and the files its manifest names (`read`
 * returns a file's text, or null when it is missing). Pure, for tests.
 * @param {Record<string, any>} pkg
 * @param {(path: string) => string | null} read
 * @returns {string[]}
 */
export function manifestProblems(pkg, read) {
  const problems = [];
  if (pkg.engines?.node !== nodeRange)
    problems.push(`engines.node: must be "${nodeRange}" (got ${JSON.stringify(pkg.engines?.node)})`);
  if (pkg.publishConfig?.access !== 'public')
    problems.push('publishConfig.access: must be "public" (a scoped package is private by default)');
  if (!pkg.license) problems.push('license: missing');
  if (!pkg.description) problems.push('description: missing (the npm page and search show it)');
  if (read('README.md') === null) problems.push('README.md: missing (it is the npm page)');
  else if (Array.isArray(pkg.files) && !pkg.files.includes('README.md')) problems.push('files: must list README.md');
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  // An app's bins are bundles: what they inline is a build input (devDependencies), so installing
  // the app fetches only what it loads at run time (better-sqlite3's addon, the tokenizer's tables).
  if (Object.keys(bins).length > 0)
    for (const dep of Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith('@elf/')))
      problems.push(`dependencies.${dep}: bundled into the bins, so a devDependency (users would install it twice)`);
  for (const [name, path] of Object.entries(bins)) {
    const text = read(path);
    if (text === null) problems.push(`bin.${name}: ${path} is missing (build first)`);
    else if (!text.startsWith('#!/usr/bin/env node\n'))
      problems.push(`bin.${name}: ${path} must start with #!/usr/bin/env node`);
  }
  return problems;
}

/** The workspace's public packages: packages/* and apps/* whose manifest is not private. */
export function publicPackages(root) {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'package.json')))
      .map((entry) => join(root, group, entry.name))
      .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
      .filter(({ pkg }) => !pkg.private),
  );
}

/**
 * What the tarball would hold (`npm pack --dry-run`): the files users download, and its size.
 * @returns {{ files: string[], size: number, unpackedSize: number }}
 */
export function packedFiles(dir) {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm pack --dry-run failed in ${dir}: ${run.stderr}`);
  const [packed] = JSON.parse(run.stdout);
  return { files: packed.files.map((file) => file.path), size: packed.size, unpackedSize: packed.unpackedSize };
}

/** Files that have no place in a published tarball: source maps, sources, tests. */
export function tarballProblems(files) {
  const unwanted = files.filter((file) => /\.map$/.test(file) || /^(src|test)\//.test(file));
  return unwanted.length === 0
    ? []
    : [
        `files: the tarball would ship ${unwanted.length} file(s) users never load (${unwanted.slice(0, 3).join(', ')}${unwanted.length > 3 ? ', …' : ''}); exclude them in "files"`,
      ];
}

/**
 * Shipped scripts whose sourceMappingURL names a map the tarball does not hold (source-map
 * loaders warn on each). `read` returns a packed file's text.
 * @param {string[]} files
 * @param {(path: string) => string | null} read
 */
export function danglingMapProblems(files, read) {
  const packed = new Set(files);
  const dangling = files
    .filter((file) => /\.(c|m)?js$/.test(file))
    .filter((file) => {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(read(file) ?? '')?.[1];
      return url && !url.startsWith('data:') && !packed.has(posix.join(posix.dirname(file), url));
    });
  return dangling.length === 0
    ? []
    : [
        `files: ${dangling.length} script(s) point at a source map the tarball lacks (${dangling.slice(0, 3).join(', ')})`,
      ];
}

/**
 * Packages a library's shipped JavaScript or declarations import without declaring them: they
 * resolve in the workspace (hoisted, or a devDependency) and fail in a user's project.
 * @param {Record<string, any>} pkg
 * @param {string[]} files the tarball's files
 * @param {(path: string) => string | null} read
 */
export function undeclaredImportProblems(pkg, files, read) {
  // import/export … from 'x' (a statement, so SQL's `from "t"` in a string does not count),
  // import 'x', and import('x') / require('x').
  const spec = `['"]([@\\w][\\w@./:-]*)['"]`;
  const importStatements = new RegExp(
    `^\\s*(?:import|export)\\b[^'";]*?\\bfrom\\s*${spec}|^\\s*import\\s*${spec}|\\b(?:import|require)\\s*\\(\\s*${spec}\\s*\\)`,
    'gm',
  );
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    pkg.name,
  ]);
  const missing = new Set();
  for (const file of files.filter((name) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(name))) {
    const text = read(file) ?? '';
    for (const m of text.matchAll(importStatements)) {
      const specifier = m[1] ?? m[2] ?? m[3];
      if (specifier.startsWith('.') || specifier.startsWith('node:') || isBuiltin(specifier)) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!declared.has(name)) missing.add(name);
    }
  }
  return missing.size === 0
    ? []
    : [`dependencies: the shipped code imports ${[...missing].join(', ')}, which users would not get`];
}

/**
 * Links in the README (the npm page) that lead nowhere there: relative targets outside the
 * tarball. npm resolves relative links against the `repository` field, so with one they are fine.
 * @param {string} readme
 * @param {string[]} files the tarball's files
 * @param {boolean} hasRepository
 */
export function readmeLinkProblems(readme, files, hasRepository) {
  if (hasRepository) return [];
  const packed = new Set(files);
  const broken = [...readme.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target))
    .filter((target) => !packed.has(posix.normalize(target.split('#')[0]).replace(/^\.\//, '')));
  return broken.length === 0
    ? []
    : [`README.md: ${broken.length} link(s) lead nowhere on the npm page (${broken.slice(0, 3).join(', ')})`];
}

/**
 * The packages each app bundles: its devDependencies among the public workspace packages.
 * @param {{ pkg: Record<string, any> }[]} packages
 * @returns {Map<string, string[]>} bundled package → the apps that bundle it
 */
export function bundlers(packages) {
  const names = new Set(packages.map(({ pkg }) => pkg.name));
  const map = new Map();
  for (const { pkg } of packages.filter(({ pkg }) => pkg.bin)) {
    for (const dep of Object.keys(pkg.devDependencies ?? {}).filter((name) => names.has(name)))
      map.set(dep, [...(map.get(dep) ?? []), pkg.name]);
  }
  return map;
}

/** A changeset's releases, from its front matter (`"@elf/core": minor`). */
export function changesetReleases(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return new Map(
    [...front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch|none)\s*$/gm)].map((m) => [m[1], m[2]]),
  );
}

/**
 * A changeset that releases a package an app bundles must release the app too: changesets bumps
 * dependents through dependencies only, and the apps list what they bundle as devDependencies,
 * so without this the fix would never reach `elf` or `elf-server` users.
 */
export function changesetProblems(file, text, bundled) {
  const releases = changesetReleases(text);
  const problems = [];
  for (const [name, bump] of releases) {
    if (bump === 'none') continue;
    for (const app of bundled.get(name) ?? [])
      if ((releases.get(app) ?? 'none') === 'none')
        problems.push(`${file}: releases ${name}, which ${app} bundles; add "${app}": patch (or more)`);
  }
  return problems;
}

/** A strict TypeScript consumer's compiler options: Node's module rules, libraries type-checked too. */
export const strictConsumer = {
  module: 'nodenext',
  target: 'es2022',
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: ['node'],
};

/**
 * The libraries' declaration files as a strict TypeScript consumer compiles them: one ESM and one
 * CommonJS file importing every library, `module: nodenext`, `skipLibCheck: false` (attw resolves
 * types but does not type-check them; a declaration file can resolve and still not compile).
 * @param {string} root the workspace
 * @param {{ dir: string, pkg: Record<string, any> }[]} libraries
 * @returns {string | null} tsc's report, or null when it compiles
 */
export function declarationProblems(root, libraries) {
  const dir = mkdtempSync(join(tmpdir(), 'elf-dts-'));
  try {
    for (const { dir: packageDir, pkg } of libraries) {
      mkdirSync(dirname(join(dir, 'node_modules', pkg.name)), { recursive: true });
      symlinkSync(packageDir, join(dir, 'node_modules', pkg.name), 'junction');
    }
    symlinkSync(join(root, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'junction');
    const source = libraries.map(({ pkg }, i) => `import * as lib${i} from '${pkg.name}';\n`).join('');
    const all = `export const libraries = [${libraries.map((_, i) => `lib${i}`).join(', ')}].length;\n`;
    writeFileSync(join(dir, 'esm.mts'), source + all);
    writeFileSync(join(dir, 'cjs.cts'), source + all);
    const tsconfig = { compilerOptions: strictConsumer, files: ['esm.mts', 'cjs.cts'] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(
      dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')),
      'bin',
      'tsc',
    );
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    return run.status === 0 ? null : `${run.stdout}${run.stderr}`.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @arethetypeswrong/cli on a library (one with an exports "." entry); null when it passes. */
export function typeProblems(dir) {
  // The package exports no main entry; its bin script sits beside package.json.
  const manifest = createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json');
  const attw = join(dirname(manifest), 'dist', 'index.js');
  const run = spawnSync(process.execPath, [attw, '--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return run.status === 0 ? null : `types: @arethetypeswrong/cli found problems:\n${run.stdout}${run.stderr}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const types = !process.argv.includes('--no-types');
  let failed = 0;
  const packages = publicPackages(root);
  for (const { dir, pkg } of packages) {
    const read = (path) => {
      try {
        return readFileSync(join(dir, path), 'utf8');
      } catch {
        return null;
      }
    };
    const problems = manifestProblems(pkg, read);
    const packed = packedFiles(dir);
    problems.push(...tarballProblems(packed.files));
    problems.push(...danglingMapProblems(packed.files, read));
    if (!pkg.bin) problems.push(...undeclaredImportProblems(pkg, packed.files, read));
    problems.push(...readmeLinkProblems(read('README.md') ?? '', packed.files, Boolean(pkg.repository)));
    if (types && pkg.exports?.['.']) {
      const found = typeProblems(dir);
      if (found) problems.push(found);
    }
    const where = relative(root, dir);
    const size = `${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`;
    if (problems.length === 0) process.stdout.write(`ok   ${pkg.name} (${where}, ${size})\n`);
    else {
      failed++;
      for (const problem of problems) process.stdout.write(`FAIL ${pkg.name} (${where}): ${problem}\n`);
    }
  }
  if (types) {
    const libraries = packages.filter(({ pkg }) => pkg.exports?.['.']);
    const report = declarationProblems(root, libraries);
    if (report === null)
      process.stdout.write(
        `ok   declaration files of ${libraries.length} libraries compile (ESM and CommonJS consumers, skipLibCheck off)\n`,
      );
    else {
      failed++;
      process.stdout.write(`FAIL declaration files: a strict TypeScript consumer fails to compile them:\n${report}\n`);
    }
  }
  const bundled = bundlers(packages);
  const changesets = join(root, '.changeset');
  for (const file of readdirSync(changesets).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const problems = changesetProblems(`.changeset/${file}`, readFileSync(join(changesets, file), 'utf8'), bundled);
    for (const problem of problems) process.stdout.write(`FAIL ${problem}\n`);
    if (problems.length > 0) failed++;
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
