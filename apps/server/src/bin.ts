#!/usr/bin/env node
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { main } = require('./server.cjs') as { main(argv: readonly string[]): Promise<number> };
process.exitCode = await main(process.argv.slice(2));
