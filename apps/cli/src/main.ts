// The CLI bundle's entry (dist/elf.cjs): loaded by bin.ts through the V8 code cache.
export { runCli } from './cli.js';
