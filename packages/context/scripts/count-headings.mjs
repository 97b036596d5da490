#!/usr/bin/env node
// Counts the fixed headings of the rendered context with the real tokenizer, once, so a cold
// `elf context` never loads it: node scripts/count-headings.mjs (a test fails when they drift).
import { readFileSync, writeFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

const path = new URL('../src/render/headings.json', import.meta.url);
const headings = JSON.parse(readFileSync(path, 'utf8'));
headings.tokens = Object.fromEntries(Object.entries(headings.strings).map(([key, text]) => [key, countTokens(text)]));
writeFileSync(path, `${JSON.stringify(headings, null, 2)}\n`);
console.log(headings.tokens);
