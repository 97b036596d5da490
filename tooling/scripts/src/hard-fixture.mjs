// The benchmarks' database, built as users build theirs: the hard relevance corpus (symptom-phrased
// heuristics and learnings, recorded in a real git repository) plus a generated dataset of
// `learnings` learnings and one heuristic per five, in a fresh temp dir. Children get an env with
// a temp HOME and ELF_HOME, and without NODE_EXTRA_CA_CERTS (it slows every Node start here).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Elf } from '@elf/core';
import { generateDataset } from '@elf/profiling';
import { loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';

/** @param {{ learnings: number, prefix: string, say: (text: string) => void }} options */
export async function hardFixture({ learnings, prefix, say }) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'elf.db');
  const repo = join(dir, 'shop');
  const env = { ...process.env, HOME: dir, ELF_HOME: join(dir, '.elf') };
  delete env.NODE_EXTRA_CA_CERTS;
  mkdirSync(repo);
  spawnSync('git', ['init', '-q', repo]);
  say(`seeding ${learnings} learnings + the hard corpus in ${db}`);
  const elf = await Elf.open({ path: db, cwd: repo });
  await generateDataset(elf.db, { learnings, now: new Date() });
  const corpus = loadCorpus('hard');
  await seedCorpus(elf, corpus, { now: new Date() });
  await elf.close();
  /** The corpus's symptom tasks: what agents would ask. */
  const tasks = [...corpus.tasks, ...(corpus.extra_tasks ?? [])].map((t) => t.task);
  return { dir, db, repo, env, tasks };
}
