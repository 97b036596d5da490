import * as v from 'valibot';
import { type CoreHandle, newItem } from '../core-handle.js';
import { joinTags, toSpikeReport } from '../mappers.js';
import { insertRow } from '../rows.js';
import type { SpikeReport } from '../types.js';
import { integer, limits, optionalDomain, optionalText, orNull, tags, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const spikeInput = v.object({
  title: text(limits.title),
  topic: text(limits.title),
  question: text(limits.shortText),
  findings: text(limits.longText),
  gotchas: optionalText(limits.longText),
  resources: optionalText(limits.longText),
  minutes: orNull(integer(0, 100_000)),
  domain: optionalDomain,
  tags,
});

export type RecordSpikeReportInput = v.InferInput<typeof spikeInput>;

/** Records a time-boxed research report. */
export async function recordSpikeReport(ctx: CoreHandle, input: RecordSpikeReportInput): Promise<SpikeReport> {
  const data = parseInput(spikeInput, input);
  const { minutes, ...fields } = data;
  const row = await insertRow(ctx.db, 'spike_reports', {
    ...fields,
    time_invested_minutes: minutes,
    tags: joinTags(data.tags),
    ...newItem(ctx, 'spike_report', data),
  });
  return toSpikeReport(row);
}
