import { describe, expect, it } from 'vitest';
import { datasetDomains, generateDataset, seededRandom, zipfSampler } from '../src/index.js';
import { now, openElf } from './support/elf.js';

const words = (text: string) => text.split(' ').length;

async function dump(seed: number) {
  const elf = await openElf();
  const summary = await generateDataset(elf.db, { learnings: 500, seed, now });
  const learnings = await elf.db.selectFrom('learnings').selectAll().orderBy('id').execute();
  const heuristics = await elf.db.selectFrom('heuristics').selectAll().orderBy('id').execute();
  return { elf, summary, learnings, heuristics };
}

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('samples by a Zipf law: the first rank far more often than the hundredth', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const sample = zipfSampler(items, seededRandom(3));
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const x = sample();
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect(counts.get(0) ?? 0).toBeGreaterThan(30 * (counts.get(99) ?? 0));
    expect(counts.size).toBeGreaterThan(500);
  });
});

describe('generateDataset', () => {
  it('is deterministic: the same seed writes the same rows, another seed different ones', async () => {
    const one = await dump(42);
    const two = await dump(42);
    const other = await dump(43);
    expect(two.learnings).toEqual(one.learnings);
    expect(two.heuristics).toEqual(one.heuristics);
    expect(other.learnings.map((l) => l.title)).not.toEqual(one.learnings.map((l) => l.title));
  });

  it('writes proportional, realistic data: 20+ domains, months of timestamps, lengths like real notes, tags indexed', async () => {
    const { elf, summary, learnings, heuristics } = await dump(7);
    expect(summary).toMatchObject({ learnings: 500, heuristics: 100 });
    expect(learnings).toHaveLength(500);
    expect(heuristics).toHaveLength(100);
    expect(heuristics.filter((h) => h.is_golden === 1).length).toBe(summary.golden);
    expect(new Set(learnings.map((l) => l.domain)).size).toBeGreaterThanOrEqual(20);
    expect(datasetDomains.length).toBeGreaterThanOrEqual(20);
    const times = learnings.map((l) => Date.parse(l.created_at)).sort((a, b) => a - b);
    const spanDays = ((times.at(-1) as number) - (times[0] as number)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(90);
    expect(times.at(-1)).toBeLessThanOrEqual(now.getTime());
    for (const l of learnings) {
      expect(words(l.title)).toBeGreaterThanOrEqual(5);
      expect(words(l.title)).toBeLessThanOrEqual(13);
      expect(words(l.summary ?? '')).toBeGreaterThanOrEqual(18);
    }
    const tagRows = await elf.db.selectFrom('learning_tags').select(['tag', 'learning_id']).execute();
    const tagged = learnings.filter((l) => l.tags).length;
    expect(tagRows.length).toBeGreaterThanOrEqual(tagged);
    for (const kind of ['decisions', 'invariants', 'assumptions', 'spike_reports'] as const) {
      const { n } = await elf.db
        .selectFrom(kind)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBeGreaterThan(0);
    }
    // Full-text search sees the generated text.
    const word = learnings
      .flatMap((l) => `${l.title} ${l.summary}`.split(' '))
      .find((w) => /^[a-z]{8,}$/.test(w)) as string;
    const hit = await elf.search({ text: word });
    expect(hit.hits.length).toBeGreaterThan(0);
  });

  it('stores token counts when given a counter, and reports progress up to the total', async () => {
    const elf = await openElf();
    const progress: number[] = [];
    await generateDataset(elf.db, {
      learnings: 1200,
      now,
      tokenCounter: { name: 'words', count: (text) => text.split(' ').length },
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(2);
    const missing = await elf.db.selectFrom('learnings').select('id').where('token_count', 'is', null).execute();
    expect(missing).toHaveLength(0);
  });
});
