import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { joinTags, toSpikeReport } from '../mappers.js';
import { writeTransaction } from '../transaction.js';
import type { SpikeReport } from '../types.js';
import { domain, integer, limits, optionalText, tags, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const spikeInput = v.object({
  title: text(limits.title),
  topic: text(limits.title),
  question: text(limits.shortText),
  findings: text(limits.longText),
  gotchas: optionalText(limits.longText),
  resources: optionalText(limits.longText),
  minutes: v.optional(v.nullable(integer(0, 100_000))),
  domain: v.optional(v.nullable(domain)),
  tags,
});

export type RecordSpikeReportInput = v.InferInput<typeof spikeInput>;

/** Records a time-boxed research report. */
export async function recordSpikeReport(ctx: CoreHandle, input: RecordSpikeReportInput): Promise<SpikeReport> {
  const data = parseInput(spikeInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('spike_reports')
      .values({
        title: data.title,
        topic: data.topic,
        question: data.question,
        findings: data.findings,
        gotchas: data.gotchas,
        resources: data.resources,
        time_invested_minutes: data.minutes ?? null,
        domain: data.domain ?? null,
        tags: joinTags(data.tags),
        token_count: tokensFor(ctx, 'spike_report', data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSpikeReport(row);
  });
}
