import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Elf } from '@elf/core';
import { ElfError } from '@elf/schema';
import { type ColdStartReport, measureColdStart } from './cold-start.js';

// Issue 12's headline comparison: cold `elf context` against the original Python ELF's
// `query.py --context` on the same knowledge. The original's own code creates its database
// (its schema, its defaults); the benchmark's learnings and heuristics are written into it with
// Python's sqlite3 as its recording scripts do; `elf import elf-py` brings that database into a
// fresh ELF database; then both commands run cold, interleaved, beside `node -e 0` and
// `python -c pass`.

export interface OriginalComparison {
  /** The original's query.py that ran. */
  queryPy: string;
  python: string;
  domain: string;
  /** Rows written into the original's database, and what `elf import elf-py` brought over. */
  rows: { learnings: number; heuristics: number };
  imported: Record<string, unknown>;
  coldStart: ColdStartReport;
  /** `elf context` p50 over `query.py --context` p50, measured in the same rounds. */
  ratio: number;
}

export interface OriginalComparisonOptions {
  /** A checkout of the original (github.com/mikegugel/Emergent-Learning-Framework_ELF). */
  checkout: string;
  /** The benchmark's database, whose learnings and heuristics both sides get. */
  source: Elf;
  /** The CLI's entry file (dist/bin.js). */
  bin: string;
  /** Scratch folder (the caller removes it). */
  dir: string;
  domain: string;
  task: string;
  python?: string;
  runs?: number;
  /** The environment of every process (default: this one's); PYTHONDONTWRITEBYTECODE is dropped for the original's first run. */
  env?: NodeJS.ProcessEnv;
}

const invalid = (message: string) => new ElfError('INVALID_INPUT', message, { field: 'compareOriginal' });

function run(command: string, args: readonly string[], what: string, env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1_048_576, ...(env ? { env } : {}) });
  if (result.status !== 0) {
    const why = result.error?.message ?? (result.stderr || result.stdout || '').trim().split('\n').at(-1);
    throw invalid(`compareOriginal: ${what} failed (exit ${result.status}): ${why}`);
  }
  return result.stdout;
}

// Inserts the rows the way the original's recording scripts do: plain INSERTs into its tables.
const insertScript = `
import json, sqlite3, sys
rows = json.load(open(sys.argv[2]))
db = sqlite3.connect(sys.argv[1])
db.executemany("insert into learnings (type, filepath, title, summary, tags, domain, severity, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [(r["type"], "memory/%ss/%d.md" % (r["type"], r["id"]), r["title"], r["summary"], r["tags"], r["domain"], r["severity"], r["created_at"], r["created_at"]) for r in rows["learnings"]])
db.executemany("insert into heuristics (domain, rule, explanation, source_type, confidence, times_validated, times_violated, is_golden, created_at, updated_at) values (?, ?, ?, 'observation', ?, ?, ?, ?, ?, ?)",
  [(r["domain"], r["rule"], r["explanation"], r["confidence"], r["times_validated"], r["times_violated"], r["is_golden"], r["created_at"], r["created_at"]) for r in rows["heuristics"]])
db.commit()
print(json.dumps({"learnings": db.execute("select count(*) from learnings").fetchone()[0], "heuristics": db.execute("select count(*) from heuristics").fetchone()[0]}))
`;

/** The original's query.py in a checkout (query/query.py, or src/query/query.py in later layouts); throws if none. */
export function originalQueryPy(checkout: string): string {
  const found = [join(checkout, 'query', 'query.py'), join(checkout, 'src', 'query', 'query.py')].find((file) =>
    existsSync(file),
  );
  if (!found)
    throw invalid(`compareOriginal: ${checkout} has no query/query.py (is it a checkout of the original ELF?)`);
  return found;
}

export async function compareWithOriginal(options: OriginalComparisonOptions): Promise<OriginalComparison> {
  const python = options.python ?? 'python3';
  const queryPy = originalQueryPy(options.checkout);
  const base = join(options.dir, 'elf-py');
  mkdirSync(base, { recursive: true });
  // The original creates its database and schema on first use. This first run may also write
  // its modules' bytecode caches, as a user's first run does (later runs only read them).
  let firstRunEnv = options.env;
  if (firstRunEnv) {
    const { PYTHONDONTWRITEBYTECODE: _noBytecode, ...rest } = firstRunEnv;
    firstRunEnv = rest;
  }
  run(python, [queryPy, '--base-path', base, '--stats'], `${python} ${queryPy} --stats`, firstRunEnv);
  const originalDb = join(base, 'memory', 'index.db');
  if (!existsSync(originalDb)) throw invalid(`compareOriginal: ${queryPy} did not create ${originalDb}`);

  const learnings = await options.source.db
    .selectFrom('learnings')
    .select(['id', 'type', 'title', 'summary', 'tags', 'domain', 'severity', 'created_at'])
    .execute();
  const heuristics = await options.source.db
    .selectFrom('heuristics')
    .select([
      'domain',
      'rule',
      'explanation',
      'confidence',
      'times_validated',
      'times_violated',
      'is_golden',
      'created_at',
    ])
    .execute();
  const rowsFile = join(options.dir, 'rows.json');
  writeFileSync(rowsFile, JSON.stringify({ learnings, heuristics }));
  const rows = JSON.parse(
    run(python, ['-c', insertScript, originalDb, rowsFile], 'writing the rows into the original database', options.env),
  ) as OriginalComparison['rows'];

  const imported = join(options.dir, 'imported.db');
  const report = JSON.parse(
    run(
      process.execPath,
      [options.bin, '--db', imported, '--json', 'import', 'elf-py', base],
      'elf import elf-py',
      options.env,
    ),
  ) as Record<string, unknown>;

  const coldStart = measureColdStart(
    {
      'node -e 0': ['-e', '0'],
      [`${python} -c pass`]: { exec: python, args: ['-c', 'pass'] },
      'query.py --context': {
        exec: python,
        args: [queryPy, '--base-path', base, '--context', '--domain', options.domain],
      },
      'elf context': [options.bin, '--db', imported, 'context', '--domain', options.domain, '--task', options.task],
    },
    {
      dir: options.dir,
      ...(options.runs ? { runs: options.runs } : {}),
      ...(options.env ? { env: options.env } : {}),
    },
  );
  const p50 = (name: string) => coldStart.cases.find((c) => c.name === name)?.p50Ms ?? Number.NaN;
  return {
    queryPy,
    python,
    domain: options.domain,
    rows,
    imported: report,
    coldStart,
    ratio: Math.round((p50('elf context') / p50('query.py --context')) * 100) / 100,
  };
}
