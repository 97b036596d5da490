import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Elf } from '@elf/core';
import { describe, expect, it } from 'vitest';
import { exportJsonl, exportMarkdown, importJsonl, kindTable, transferKinds } from '../src/index.js';
import { openElf, seedEverything } from './support/elf.js';

async function exportToString(elf: Elf): Promise<string> {
  let out = '';
  await exportJsonl(elf.db, (chunk) => {
    out += chunk;
  });
  return out;
}

const lines = (text: string) => createInterface({ input: Readable.from([text]), crlfDelay: Number.POSITIVE_INFINITY });

/** Every knowledge row with ids replaced by content, so two databases can be compared. */
async function snapshot(elf: Elf) {
  const rows: Record<string, unknown[]> = {};
  for (const kind of transferKinds) {
    const table = kindTable[kind];
    const all = (await elf.db.selectFrom(table).selectAll().orderBy('id').execute()) as Array<Record<string, unknown>>;
    rows[kind] = all.map(({ id, superseded_by, rule_id, experiment_id, heuristic_id, ...rest }) => ({
      ...rest,
      links: [superseded_by, rule_id, experiment_id, heuristic_id].map((x) =>
        x === null || x === undefined ? null : 'linked',
      ),
    }));
  }
  return rows;
}

describe('export and import', () => {
  it('round-trips every knowledge row into a fresh home, links kept and counts reproduced exactly', async () => {
    const source = await openElf();
    await seedEverything(source);
    const text = await exportToString(source);
    expect(text.split('\n')[0]).toMatch(/^\{"format":"elf-export","version":1,/);
    const target = await openElf();
    const report = await importJsonl(target.db, lines(text));
    expect(report.skipped).toEqual([]);
    expect(report.alreadyPresent.heuristic).toBe(8); // the starter golden rules a fresh home has
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const superseded = await target.db
      .selectFrom('heuristics')
      .select(['superseded_by'])
      .where('status', '=', 'superseded')
      .executeTakeFirstOrThrow();
    const winner = await target.db
      .selectFrom('heuristics')
      .select('id')
      .where('rule', '=', 'Rebase feature branches before merging')
      .executeTakeFirstOrThrow();
    expect(superseded.superseded_by).toBe(winner.id);
    const tags = await target.db.selectFrom('learning_tags').select('tag').orderBy('tag').execute();
    expect(tags.map((t) => t.tag)).toEqual(['git', 'history']);
  });

  it('imports nothing new the second time', async () => {
    const source = await openElf();
    await seedEverything(source);
    const text = await exportToString(source);
    const target = await openElf();
    await importJsonl(target.db, lines(text));
    const again = await importJsonl(target.db, lines(text));
    expect(Object.values(again.imported).every((n) => n === 0)).toBe(true);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('keeps duplicates the source itself has', async () => {
    const source = await openElf({ seedStarters: false });
    await source.recordLearning({ type: 'failure', title: 'Same thing twice', domain: 'ops' });
    await source.recordLearning({ type: 'failure', title: 'Same thing twice', domain: 'ops' });
    const target = await openElf({ seedStarters: false });
    await importJsonl(target.db, lines(await exportToString(source)));
    expect((await target.statistics()).total_learnings).toBe(2);
  });

  it('refuses a file that is not an export and writes nothing', async () => {
    const target = await openElf();
    const before = (await target.statistics()).total_heuristics;
    await expect(importJsonl(target.db, lines('{"not":"an export"}\n'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'file',
    });
    const header = '{"format":"elf-export","version":1,"schema_version":5,"exported_at":"x"}\n';
    const good =
      '{"kind":"learning","id":1,"row":{"type":"failure","title":"ok","domain":"ops","severity":3,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}}\n';
    await expect(importJsonl(target.db, lines(`${header}${good}this is not json\n`))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'file: line 3 is not JSON',
    });
    expect((await target.statistics()).total_learnings).toBe(0);
    expect((await target.statistics()).total_heuristics).toBe(before);
  });

  it('skips records that break the rules, with the reason, and imports the rest', async () => {
    const target = await openElf({ seedStarters: false });
    const header = '{"format":"elf-export","version":1,"schema_version":5,"exported_at":"x"}\n';
    const row = (domain: string) =>
      `{"kind":"learning","id":1,"row":{"type":"failure","title":"t ${domain}","domain":"${domain}","created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}}\n`;
    const report = await importJsonl(target.db, lines(header + row('Bad Domain!') + row('ops')));
    expect(report.imported.learning).toBe(1);
    expect(report.skipped).toEqual([
      { kind: 'learning', id: 1, reason: expect.stringContaining('CHECK constraint failed') },
    ]);
  });

  it('makes a heuristic from an export older than origin_path global, learned where it was scoped', async () => {
    const target = await openElf({ seedStarters: false });
    const header = '{"format":"elf-export","version":1,"schema_version":8,"exported_at":"x"}\n';
    const heuristic = (id: number, rule: string, project: string | null) =>
      `${JSON.stringify({ kind: 'heuristic', id, row: { domain: 'git', rule, project_path: project } })}\n`;
    const current = `${JSON.stringify({
      kind: 'heuristic',
      id: 3,
      row: { domain: 'git', rule: 'Sign release tags', project_path: '/work/shop', origin_path: '/work/shop' },
    })}\n`;
    const text = header + heuristic(1, 'Rebase before merging', '/home/me') + heuristic(2, 'Squash fixups', null);
    const report = await importJsonl(target.db, lines(text + current));
    expect(report.imported.heuristic).toBe(3);
    const rows = await target.db
      .selectFrom('heuristics')
      .select(['rule', 'project_path', 'origin_path'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { rule: 'Rebase before merging', project_path: null, origin_path: '/home/me' },
      { rule: 'Squash fixups', project_path: null, origin_path: null },
      { rule: 'Sign release tags', project_path: '/work/shop', origin_path: '/work/shop' },
    ]);
    // Importing the same old export again finds every rule already there.
    expect((await importJsonl(target.db, lines(text))).alreadyPresent.heuristic).toBe(2);
  });

  it('writes a readable Markdown export', async () => {
    const source = await openElf();
    await seedEverything(source);
    let text = '';
    await exportMarkdown(source.db, (chunk) => {
      text += chunk;
    });
    expect(text).toMatch(/^# ELF knowledge export/);
    expect(text).toContain('## Golden rules\n\n- **Query ELF before acting');
    expect(text).toContain('**Rebase feature branches before merging** — git, confidence 0.76, 11✓ 1✗');
    expect(text).toContain('**failure** [git] Force-push wiped');
    expect(text).toContain('### Rebase merges (accepted)');
  });
});
