import { closeSync, openSync, writeSync } from 'node:fs';
import { openDatabase } from '@elf/schema';
import { describe, expect, it } from 'vitest';
import { checkIntegrity, runMaintenanceTask } from '../src/index.js';
import { openElf, seedEverything } from './support/elf.js';

// The connection hands out ElfErrors; these checks act on SQLite's own code and words underneath.
describe('SQLite failures under the ElfErrors', () => {
  it('integrity: a check that cannot even read the schema page is a finding in SQLite’s words, not a crash', async () => {
    const elf = await openElf();
    await seedEverything(elf);
    const path = elf.path;
    await elf.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(12, 0xab), 0, 12, 100); // page 1's b-tree header, right after the file header
    closeSync(fd);
    const handle = await openDatabase({ path, readonly: true, migrate: false });
    try {
      expect(await checkIntegrity(handle.db, { quick: true })).toMatchObject({
        ok: false,
        messages: ['database disk image is malformed (SQLITE_CORRUPT)'],
      });
    } finally {
      await handle.close();
    }
  });

  it('a maintenance task that fails for another reason says why in SQLite’s words', async () => {
    const elf = await openElf();
    const path = elf.path;
    await elf.close();
    const handle = await openDatabase({ path, readonly: true });
    try {
      await expect(runMaintenanceTask(handle, 'analyze')).rejects.toMatchObject({
        name: 'ElfError',
        code: 'DATABASE',
        message: 'analyze failed: attempt to write a readonly database',
      });
    } finally {
      await handle.close();
    }
  });
});
