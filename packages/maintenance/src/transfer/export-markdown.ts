import { iterateRows } from '@elf/core';
import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { Sink } from './export-jsonl.js';

// A readable export for people (and for pasting into docs): one section per kind.

const day = (iso: unknown) => String(iso ?? '').slice(0, 10);
const line = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export async function exportMarkdown(db: Kysely<Database>, write: Sink, options: { now?: Date } = {}): Promise<void> {
  await write(`# ELF knowledge export\n\nExported ${(options.now ?? new Date()).toISOString()}.\n`);
  await write('\n## Golden rules\n\n');
  const other: string[] = [];
  for await (const h of iterateRows(db, 'heuristics')) {
    const entry = `- **${line(h.rule)}** — ${h.domain}, confidence ${h.confidence.toFixed(2)}, ${h.times_validated}✓ ${h.times_violated}✗${h.status !== 'active' ? `, ${h.status}` : ''}${h.explanation ? `\n  ${line(h.explanation)}` : ''}\n`;
    if (h.is_golden) await write(entry);
    else other.push(entry);
  }
  await write('\n## Heuristics\n\n');
  for (const entry of other) await write(entry);
  await write('\n## Learnings\n\n');
  for await (const l of iterateRows(db, 'learnings')) {
    await write(
      `- ${day(l.created_at)} **${l.type}** [${l.domain}] ${line(l.title)}${l.summary ? `\n  ${line(l.summary)}` : ''}\n`,
    );
  }
  await write('\n## Decisions\n\n');
  for await (const d of iterateRows(db, 'decisions')) {
    await write(
      `### ${line(d.title)} (${d.status})\n\n- Context: ${line(d.context)}\n- Decision: ${line(d.decision)}\n- Rationale: ${line(d.rationale)}\n\n`,
    );
  }
  await write('## Invariants\n\n');
  for await (const i of iterateRows(db, 'invariants'))
    await write(`- ${line(i.statement)} (${i.severity}, ${i.status}) — ${line(i.rationale)}\n`);
  await write('\n## Assumptions\n\n');
  for await (const a of iterateRows(db, 'assumptions'))
    await write(`- ${line(a.assumption)} (${a.status}, ${a.confidence.toFixed(2)})\n`);
  await write('\n## Spike reports\n\n');
  for await (const s of iterateRows(db, 'spike_reports')) await write(`- **${line(s.title)}**: ${line(s.findings)}\n`);
  await write('\n## Experiments\n\n');
  for await (const e of iterateRows(db, 'experiments'))
    await write(`- ${line(e.name)} (${e.status}): ${line(e.hypothesis)}\n`);
}
