import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dump, refused } from './support/refused.js';
import { elfDb, json, type Result, type Sandbox, sandbox } from './support/run-elf.js';

// Where a heuristic applies is a choice (global unless --project); where it was learned is kept.
// Real git repositories and a directory outside any repository, the built binary, one database.

let box: Sandbox;
let notes: string;
let shop: string;
let billing: string;

function gitRepo(name: string): string {
  const dir = join(box.dir, name);
  mkdirSync(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return realpathSync(dir);
}

beforeEach(() => {
  box = sandbox();
  notes = join(box.dir, 'notes');
  mkdirSync(notes);
  notes = realpathSync(notes);
  shop = gitRepo('shop');
  billing = gitRepo('billing');
  expect(elfDb(box, ['init']).code).toBe(0);
});

const ok = (result: Result) => {
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return result.stdout;
};

const record = (cwd: string, rule: string, ...flags: string[]) =>
  ok(elfDb(box, ['record', 'heuristic', '--domain', 'database', '--rule', rule, ...flags], { cwd }));

const deployWindow = 'Run the orders table migration only inside the 10:00 UTC deploy window';
const deployTask = 'schedule the orders table migration for the deploy window';

/** What `elf context` inside `cwd` shows an agent about to do `task`. */
const context = (cwd: string, task: string) => ok(elfDb(box, ['context', '--task', task], { cwd }));

/** One line on stderr, exit 1, nothing on stdout, and the database exactly as it was. */
async function refusedByParser(args: string[], message: RegExp, cwd = box.dir) {
  const before = await dump(box);
  const result = elfDb(box, args, { cwd });
  expect(result).toMatchObject({ code: 1, stdout: '' });
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(await dump(box)).toEqual(before);
}

describe('heuristic scope (built binary, real git repositories)', () => {
  it('a rule recorded outside any repository is global and reaches another repository’s context', () => {
    const rule = 'Batch large migrations so no lock is held on the orders table for long';
    expect(record(notes, rule)).toMatch(
      new RegExp(`^recorded heuristic #\\d+ \\[database\\] \\(global, learned in ${notes}\\)\\n$`),
    );
    expect(context(billing, 'batch the orders table migration so it holds no long lock')).toContain(rule);
  });

  it('--project confines a rule to its repository; `elf heuristic scope` frees it and confines it again', () => {
    const out = record(shop, deployWindow, '--project');
    expect(out).toMatch(new RegExp(`^recorded heuristic #\\d+ \\[database\\] \\(project ${shop}\\)\\n$`));
    const id = (/#(\d+)/.exec(out) as RegExpExecArray)[1] as string;
    expect(context(shop, deployTask)).toContain(deployWindow);
    expect(context(billing, deployTask)).not.toContain(deployWindow);
    expect(ok(elfDb(box, ['heuristic', 'list'], { cwd: billing }))).not.toContain(deployWindow);
    expect(ok(elfDb(box, ['heuristic', 'list'], { cwd: shop }))).toContain(`${deployWindow} (project ${shop})`);

    expect(ok(elfDb(box, ['heuristic', 'scope', id, 'global'], { cwd: billing }))).toBe(
      `heuristic #${id} [database] scope: project ${shop} → global, learned in ${shop}\n`,
    );
    expect(context(billing, deployTask)).toContain(deployWindow);
    expect(ok(elfDb(box, ['heuristic', 'show', id]))).toContain(`; global, learned in ${shop}; last used`);

    // "project" means the project it was learned in, wherever the command runs.
    const back = json(elfDb(box, ['heuristic', 'scope', id, 'project', '--json'], { cwd: billing }));
    expect(back).toMatchObject({
      heuristic: { id: Number(id), project_path: shop, origin_path: shop },
      previousProjectPath: null,
      changed: true,
    });
    expect(context(billing, deployTask)).not.toContain(deployWindow);
    expect(context(shop, deployTask)).toContain(deployWindow);
    expect(ok(elfDb(box, ['heuristic', 'scope', id, 'project']))).toBe(
      `heuristic #${id} [database] scope unchanged: project ${shop}\n`,
    );
  });

  it('record.default-scope project makes project scope the default; --global still opts out', async () => {
    expect(ok(elfDb(box, ['config', 'set', 'record.default-scope', 'project']))).toBe(
      'record.default-scope = project\n',
    );
    expect(ok(elfDb(box, ['config', 'get', 'record.default-scope']))).toBe('project\n');
    expect(record(shop, deployWindow)).toMatch(/\(project .*shop\)\n$/);
    expect(context(billing, deployTask)).not.toContain(deployWindow);
    expect(record(shop, 'Never rename a column in the same release that stops using it', '--global')).toMatch(
      new RegExp(`\\(global, learned in ${shop}\\)\\n$`),
    );
    ok(elfDb(box, ['config', 'set', 'record.default-scope', 'global']));
    expect(record(shop, 'Add an index concurrently on a large table')).toMatch(/\(global, learned in .*shop\)\n$/);
    const rows = (await dump(box)).heuristics.filter((h) => h.domain === 'database');
    expect(rows.map((h) => h.project_path)).toEqual([shop, null, null]);
    expect(rows.map((h) => h.origin_path)).toEqual([shop, shop, shop]);
  });

  it('refuses bad input with one line, exit 1, and no change', async () => {
    const id = String(
      json(elfDb(box, ['record', 'heuristic', '--domain', 'ci', '--rule', 'Pin actions', '--json'])).id,
    );
    await refused(box, ['config', 'set', 'record.default-scope', 'team'], 'record.default-scope', /global or project/);
    await refusedByParser(
      ['record', 'heuristic', '--domain', 'ci', '--rule', 'Cache the store', '--project', '--global'],
      /^elf: option '--project' cannot be used with option '--global'\n$/,
      shop,
    );
    await refused(box, ['heuristic', 'scope', '999', 'global'], 'id', /no heuristic with id 999/);
    await refused(box, ['heuristic', 'scope', 'abc', 'project'], 'id', /integer/);
    await refusedByParser(['heuristic', 'scope', id, 'sideways'], /^elf: .*'sideways'.*scope.*global, project/);
    await refusedByParser(['heuristic', 'scope', id], /^elf: missing required argument 'scope'\n$/);
  });
});
