import { describe, expect, it } from 'vitest';
import { changeRow, insertRow, requireRow, updateRow } from '../src/rows.js';
import { openTempElf } from './support/temp-elf.js';

describe('one row by id', () => {
  it('finds the row, or fails NOT_FOUND naming the item and the input that carried the id', async () => {
    const { elf } = await openTempElf();
    const review = await elf.recordCeoReview({ title: 'Ship it?' });
    expect(await requireRow(elf.db, 'ceo_reviews', review.id)).toMatchObject({ id: review.id, status: 'pending' });
    await expect(requireRow(elf.db, 'ceo_reviews', 404)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'id: no review with id 404',
      field: 'id',
    });
    await expect(requireRow(elf.db, 'spike_reports', 7, 'by')).rejects.toMatchObject({
      message: 'by: no spike report with id 7',
      field: 'by',
    });
  });

  it('changes one row and returns it as stored', async () => {
    const { elf } = await openTempElf();
    const review = await elf.recordCeoReview({ title: 'Ship it?' });
    const other = await elf.recordCeoReview({ title: 'Or not?' });
    const updated = await updateRow(elf.db, 'ceo_reviews', review.id, { status: 'approved' });
    expect(updated).toMatchObject({ id: review.id, title: 'Ship it?', status: 'approved' });
    expect(await requireRow(elf.db, 'ceo_reviews', other.id)).toMatchObject({ status: 'pending' });
  });

  it('reads then writes in one transaction, and writes nothing when the change refuses the row', async () => {
    const { elf } = await openTempElf();
    const review = await elf.recordCeoReview({ title: 'Ship it?' });
    const decided = await changeRow(elf.db, 'ceo_reviews', review.id, (row) => ({
      decision_note: `was ${row.status}`,
    }));
    expect(decided).toMatchObject({ decision_note: 'was pending' });
    const refuse = () => {
      throw new Error('no');
    };
    await expect(changeRow(elf.db, 'ceo_reviews', review.id, refuse)).rejects.toThrow('no');
    await expect(changeRow(elf.db, 'ceo_reviews', 404, refuse)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await requireRow(elf.db, 'ceo_reviews', review.id)).toMatchObject({ decision_note: 'was pending' });
  });

  it('stores a new row and returns it with what the database filled in', async () => {
    const { elf } = await openTempElf();
    const row = await insertRow(elf.db, 'ceo_reviews', { title: 'Ship it?', created_at: '2026-01-01T00:00:00.000Z' });
    expect(row).toMatchObject({ title: 'Ship it?', status: 'pending', context: null });
    expect(await requireRow(elf.db, 'ceo_reviews', row.id)).toEqual(row);
  });
});
