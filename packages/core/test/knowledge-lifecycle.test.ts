import { describe, expect, it } from 'vitest';
import {
  challengeAssumption,
  decideCeoReview,
  listAllCeoReviews,
  listCeoReviews,
  rateSpikeReport,
  validateInvariant,
  verifyAssumption,
  violateInvariant,
} from '../src/index.js';
import { snapshot } from './support/knowledge-snapshot.js';
import { openTempElf } from './support/temp-elf.js';

type TempElf = Awaited<ReturnType<typeof openTempElf>>['elf'];

describe('assumptions', () => {
  it('becomes verified at the 3rd verification and records when', async () => {
    const { elf, clock } = await openTempElf();
    const a = await elf.recordAssumption({ assumption: 'CI runners have 2 cores', domain: 'ci' });
    const first = await verifyAssumption(elf.core, { id: a.id });
    expect(first).toMatchObject({ verified_count: 1, challenged_count: 0, confidence: 1, status: 'active' });
    expect(first.last_verified_at).toBe('2026-11-26T12:00:00.000Z');
    clock.advanceDays(1);
    expect(await verifyAssumption(elf.core, { id: a.id })).toMatchObject({ verified_count: 2, status: 'active' });
    const third = await verifyAssumption(elf.core, { id: String(a.id), note: 'nproc says 2' });
    expect(third).toMatchObject({ verified_count: 3, confidence: 1, status: 'verified' });
    expect(third.last_verified_at).toBe('2026-11-27T12:00:00.000Z');
    expect(third.context).toBe('[verified 2026-11-27] nproc says 2');
  });

  it('is challenged below 0.3 and invalidated when nothing verifies it', async () => {
    const { elf } = await openTempElf();
    const a = await elf.recordAssumption({ assumption: 'The cache is warm at startup' });
    await verifyAssumption(elf.core, { id: a.id });
    expect(await challengeAssumption(elf.core, { id: a.id })).toMatchObject({ confidence: 0.5, status: 'active' });
    expect(await challengeAssumption(elf.core, { id: a.id })).toMatchObject({
      confidence: 0.3333,
      status: 'active',
    });
    const third = await challengeAssumption(elf.core, { id: a.id, note: 'cold after deploy' });
    expect(third).toMatchObject({ verified_count: 1, challenged_count: 3, confidence: 0.25, status: 'challenged' });
    expect(third.last_verified_at).not.toBeNull();

    const b = await elf.recordAssumption({ assumption: 'Nobody uses the v1 API' });
    expect(await challengeAssumption(elf.core, { id: b.id })).toMatchObject({
      challenged_count: 1,
      confidence: 0,
      status: 'invalidated',
      last_verified_at: null,
    });
  });

  it('refuses an unknown or malformed id and changes nothing', async () => {
    const { elf } = await openTempElf();
    await elf.recordAssumption({ assumption: 'x' });
    const before = await snapshot(elf);
    await expect(verifyAssumption(elf.core, { id: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'id: no assumption with id 99',
      field: 'id',
    });
    await expect(challengeAssumption(elf.core, { id: 0 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'id',
    });
    await expect(verifyAssumption(elf.core, { id: 1, note: 'n'.repeat(2001) })).rejects.toMatchObject({
      field: 'note',
    });
    expect(await snapshot(elf)).toEqual(before);
  });
});

describe('invariants', () => {
  it('is violated at the 3rd violation, not the 2nd; validation only stamps the time', async () => {
    const { elf, clock } = await openTempElf();
    const i = await elf.recordInvariant({ statement: 'Hooks exit 0', rationale: 'never block the agent' });
    const validated = await validateInvariant(elf.core, { id: i.id });
    expect(validated).toMatchObject({
      status: 'active',
      violation_count: 0,
      last_validated_at: '2026-11-26T12:00:00.000Z',
    });
    clock.advanceDays(1);
    expect(await violateInvariant(elf.core, { id: i.id })).toMatchObject({ violation_count: 1, status: 'active' });
    expect(await violateInvariant(elf.core, { id: i.id })).toMatchObject({ violation_count: 2, status: 'active' });
    const third = await violateInvariant(elf.core, { id: i.id, note: 'exit 2 on bad JSON' });
    expect(third).toMatchObject({
      violation_count: 3,
      status: 'violated',
      last_violated_at: '2026-11-27T12:00:00.000Z',
      last_validated_at: '2026-11-26T12:00:00.000Z',
      rationale: 'never block the agent\n[violated 2026-11-27] exit 2 on bad JSON',
    });
    // Still violated; validating it again records the check without hiding the violations.
    expect(await validateInvariant(elf.core, { id: i.id })).toMatchObject({
      status: 'violated',
      violation_count: 3,
    });
  });

  it('refuses a deprecated or unknown invariant and changes nothing', async () => {
    const { elf } = await openTempElf();
    const i = await elf.recordInvariant({ statement: 'Old rule', rationale: 'r' });
    await elf.db.updateTable('invariants').set({ status: 'deprecated' }).where('id', '=', i.id).execute();
    const before = await snapshot(elf);
    for (const attempt of [
      validateInvariant(elf.core, { id: i.id }),
      violateInvariant(elf.core, { id: i.id, note: 'n' }),
    ]) {
      await expect(attempt).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: `id: invariant #${i.id} is deprecated`,
      });
    }
    await expect(violateInvariant(elf.core, { id: 7 })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(elf)).toEqual(before);
  });
});

describe('spike report ratings', () => {
  const spike = (elf: TempElf) =>
    elf.recordSpikeReport({ title: 'WAL vs rollback', topic: 'sqlite', question: 'q', findings: 'WAL wins' });

  it('keeps a running average and counts ratings', async () => {
    const { elf } = await openTempElf();
    const s = await spike(elf);
    expect(await rateSpikeReport(elf.core, { id: s.id, rating: 4 })).toMatchObject({
      usefulness_score: 4,
      access_count: 1,
    });
    const second = await rateSpikeReport(elf.core, { id: s.id, rating: '2' });
    expect(second).toMatchObject({ usefulness_score: 3, access_count: 2, tags: [] });
    expect(await rateSpikeReport(elf.core, { id: s.id, rating: 0 })).toMatchObject({
      usefulness_score: 2,
      access_count: 3,
    });
  });

  it('refuses ratings outside 0..5 and changes nothing', async () => {
    const { elf } = await openTempElf();
    const s = await spike(elf);
    await rateSpikeReport(elf.core, { id: s.id, rating: 5 });
    const before = await snapshot(elf);
    for (const bad of [-1, 6, Number.NaN, '6', 'great']) {
      await expect(rateSpikeReport(elf.core, { id: s.id, rating: bad }), String(bad)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'rating',
        message: expect.stringMatching(/^rating: must be a number from 0 to 5/),
      });
    }
    await expect(rateSpikeReport(elf.core, { id: 42, rating: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshot(elf)).toEqual(before);
  });
});

describe('CEO reviews', () => {
  it('decides a pending review once', async () => {
    const { elf } = await openTempElf();
    const r = await elf.recordCeoReview({ title: 'Drop the v1 API?' });
    const approved = await decideCeoReview(elf.core, { id: r.id, decision: 'approved', note: 'ship it' });
    expect(approved).toMatchObject({
      status: 'approved',
      decision_note: 'ship it',
      reviewed_at: '2026-11-26T12:00:00.000Z',
    });
    const before = await snapshot(elf);
    await expect(decideCeoReview(elf.core, { id: r.id, decision: 'rejected' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'id',
      message: `id: review #${r.id} is already approved`,
    });
    await expect(decideCeoReview(elf.core, { id: r.id, decision: 'maybe' })).rejects.toMatchObject({
      field: 'decision',
    });
    await expect(decideCeoReview(elf.core, { id: 5, decision: 'approved' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await snapshot(elf)).toEqual(before);
  });

  it('lists by status or all', async () => {
    const { elf, clock } = await openTempElf();
    const a = await elf.recordCeoReview({ title: 'a' });
    clock.advanceDays(1);
    const b = await elf.recordCeoReview({ title: 'b' });
    await decideCeoReview(elf.core, { id: a.id, decision: 'rejected' });
    expect((await listCeoReviews(elf.core)).ceoReviews.map((r) => r.id)).toEqual([b.id]);
    expect((await listCeoReviews(elf.core, { status: 'rejected' })).ceoReviews.map((r) => r.id)).toEqual([a.id]);
    expect((await listAllCeoReviews(elf.core)).ceoReviews.map((r) => r.id)).toEqual([b.id, a.id]);
  });
});
