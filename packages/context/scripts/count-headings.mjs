#!/usr/bin/env node
// Counts, once, with the real tokenizer, what a cold `elf context` must price without loading it:
// the fixed headings, and the pieces (o200k pretokens) of ELF's own item decorations, e.g.
// ` (0.85, 12✓)` or `- [failure, database, 3d ago] `. node scripts/count-headings.mjs (a test
// fails when they drift).
import { readFileSync, writeFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/esm/encodingParams/constants';

const path = new URL('../src/render/headings.json', import.meta.url);
const headings = JSON.parse(readFileSync(path, 'utf8'));
headings.tokens = Object.fromEntries(Object.entries(headings.strings).map(([key, text]) => [key, countTokens(text)]));

// Decorations as candidates/decorate.ts writes them, over every value their parts take (numbers
// are priced by rule, so a few stand for all) and the common domains (others are priced by bytes).
const domains = [
  ...'authentication database api security testing react frontend performance configuration production git python ci documentation cli'.split(
    ' ',
  ),
  ...'general caching cache deployment deploy observability logging monitoring concurrency mobile css docker kubernetes node email search i18n infra infrastructure ui ux ops auth data sql build release network storage payments billing backend web typescript javascript rust go java dependencies tooling workflow architecture accessibility migrations queue jobs devops cloud aws'.split(
    ' ',
  ),
];
const ages = ['today', '1d ago', '13d ago', '2w ago', '8w ago', '2mo ago', '99mo ago'];
const samples = ['- ', '\n'];
for (let c = 0; c <= 100; c++) samples.push(` (${(c / 100).toFixed(2)}, 12✓)\n`, ` (${(c / 100).toFixed(2)})\n`);
for (const type of ['failure', 'success', 'observation', 'heuristic', 'experiment'])
  for (const domain of domains) for (const age of ages) samples.push(`- [${type}, ${domain}, ${age}] `);
for (const status of ['challenged', 'invalidated', 'active']) samples.push(`- ⚠ ${status}: `);
samples.push('- VIOLATED 3×: ', ' (12 cycles)\n', ' (review #12)\n', '…');
const pieces = {};
for (const sample of samples)
  for (const [piece] of sample.matchAll(O200K_TOKEN_SPLIT_REGEX))
    if (!/^[0-9]{1,3}$/.test(piece)) pieces[piece] = countTokens(piece);
headings.pieces = Object.fromEntries(Object.entries(pieces).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(headings, null, 2)}\n`);
console.log(headings.tokens, Object.keys(headings.pieces).length, 'pieces');
