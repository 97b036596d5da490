import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusUrl, type ParityRecord, runParity } from './parity/parity-run.mjs';

// The command-hook and `elf context` outputs, and what the hooks wrote, on a fixed corpus with a
// fixed clock, must stay byte-identical to `parity/expected.json`, which was recorded from the
// build of commit a463459 (before the learning loop moved into @elf/hooks):
//   node apps/cli/test/parity/parity-run.mjs <that checkout> apps/cli/test/parity/expected.json
// A change that means to alter what agents see re-records it and says why in its commit.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('./parity/expected.json', import.meta.url), 'utf8')) as ParityRecord;

describe('output parity with the recorded build', () => {
  it('prints the same bytes for every elf context call and hook event, and writes the same knowledge', async () => {
    const actual = await runParity(root, JSON.parse(readFileSync(corpusUrl, 'utf8')));
    expect(actual.steps.map((s) => s.run)).toEqual(expected.steps.map((s) => s.run));
    for (const [i, step] of expected.steps.entries()) expect(actual.steps[i], step.run).toEqual(step);
    expect(actual.knowledge).toEqual(expected.knowledge);
  });
});
