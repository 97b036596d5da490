import type { Io } from '../io.js';
import type { GlobalOptions } from './globals.js';

/** Prints one JSON document with --json, otherwise the text rendering. */
export function emit(io: Io, globals: GlobalOptions, data: unknown, text: () => string): void {
  if (globals.json) io.stdout(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const rendered = text();
    io.stdout(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  }
}
