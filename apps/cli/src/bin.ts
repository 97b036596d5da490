#!/usr/bin/env node
import { boot } from './boot/boot.js';

process.exitCode = await boot(process.argv.slice(2));
