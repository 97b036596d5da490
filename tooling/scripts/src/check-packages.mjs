#!/usr/bin/env node
// What users meet when they install a public package, checked on the built workspace (issue 17,
// "checks that catch what users hit"): Node's supported range stated, a README on the npm page,
// public access, every bin present with a shebang, and for every library the types a TypeScript
// consumer resolves (@arethetypeswrong/cli, ESM-only profile: ELF ships ESM, which CommonJS on
// Node ≥ 20.19 loads with require()).
//   node tooling/scripts/src/check-packages.mjs [--no-types]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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
  for (const { dir, pkg } of publicPackages(root)) {
    const read = (path) => {
      try {
        return readFileSync(join(dir, path), 'utf8');
      } catch {
        return null;
      }
    };
    const problems = manifestProblems(pkg, read);
    if (types && pkg.exports?.['.']) {
      const found = typeProblems(dir);
      if (found) problems.push(found);
    }
    const where = relative(root, dir);
    if (problems.length === 0) process.stdout.write(`ok   ${pkg.name} (${where})\n`);
    else {
      failed++;
      for (const problem of problems) process.stdout.write(`FAIL ${pkg.name} (${where}): ${problem}\n`);
    }
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
