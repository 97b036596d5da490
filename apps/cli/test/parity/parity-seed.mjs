// Seeds the parity corpus through a checkout's built @elf/core (see parity-run.mjs).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedCorpus } from '@elf/test-support/relevance-corpus';

const day = 86_400_000;

/** Seeds the corpus through the checkout's @elf/core, with scopes, ages and validations spread over it. */
export async function seedParityCorpus(root, dbPath, corpus, scopes, clock, start) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const context = await import(pathToFileURL(join(root, 'packages/context/dist/index.js')).href);
  const elf = await core.Elf.open({
    path: dbPath,
    projectPath: null,
    clock,
    tokenCounter: await context.loadO200kCounter(),
  });
  try {
    await seedCorpus(elf, corpus, {
      now: new Date(start),
      scopeOf: (i) => scopes[i % scopes.length],
      beforeItem: (i) => clock.set(start - (90 - (i % 90)) * day),
      golden: (item) => (item.times_validated ?? 0) >= 25,
      force: true,
      learningOffsetMs: 3_600_000,
    });
  } finally {
    await elf.close();
  }
}
