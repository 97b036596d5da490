import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';

interface CheckOutOptions {
  session?: string;
  transcript?: string;
  record?: boolean;
}

/**
 * `elf check-out`: what a session did, from what the hooks recorded (and optionally its
 * transcript): tools, files, failures, markers learned, the heuristics it consulted with their
 * outcomes, and rule-based heuristics its shape suggests (`--record` records them at 0.5).
 */
export function registerCheckOutCommand(program: Command, cli: CliContext): void {
  program
    .command('check-out')
    .description('summary of a session (default: the newest of this project) and the heuristics it suggests')
    .option('--session <id>', 'the session (default: the newest one recorded for this project)')
    .option('--transcript <file>', 'also read the session transcript (JSONL) for tool counts')
    .option('--record', 'record the suggested heuristics (confidence 0.5)')
    .action(
      handler<CheckOutOptions>(cli, async (opts, globals) => {
        const core = await import('@elf/core');
        let transcript: string | null = null;
        if (opts.transcript) {
          try {
            transcript = readFileSync(resolve(cli.io.cwd, opts.transcript), 'utf8');
          } catch (error) {
            throw new core.ElfError(
              'INVALID_INPUT',
              `transcript: cannot read ${opts.transcript}: ${(error as Error).message}`,
              {
                field: 'transcript',
              },
            );
          }
        }
        const report = await withElf(cli.io, globals, async (elf) => {
          const ctx = elf.core;
          const sessionId = opts.session ?? (await core.listSessions(ctx, { limit: 1 }))[0]?.session_id ?? null;
          if (!sessionId && !transcript) {
            throw new core.ElfError(
              'NOT_FOUND',
              'session: no session recorded for this project (are the hooks installed? see `elf hooks install`)',
              { field: 'session' },
            );
          }
          const existing = sessionId ? await core.getSession(ctx, sessionId) : undefined;
          if (opts.session && !existing) {
            throw new core.ElfError('NOT_FOUND', `session: no session ${opts.session}`, { field: 'session' });
          }
          const summary =
            sessionId && existing ? await core.summarizeSession(ctx, { sessionId, project: existing.project }) : null;
          const hookTools = sessionId ? await core.sessionTools(ctx, sessionId) : {};
          const tools =
            Object.keys(hookTools).length > 0 || !transcript ? hookTools : core.transcriptToolCounts(transcript);
          const consulted = sessionId ? await core.sessionConsultations(ctx, sessionId) : [];
          const suggestions = core.suggestHeuristics(tools);
          const recorded =
            opts.record && suggestions.length > 0
              ? await core.learnFromMarkers(ctx, {
                  sessionId: sessionId ?? 'check-out',
                  markers: suggestions.map((s) => ({ domain: s.domain, text: s.rule, kind: 'heuristic' as const })),
                  explanation: 'Suggested at check-out from the shape of a session.',
                  source: 'auto-detected',
                })
              : [];
          return { session: summary, tools, consulted, suggestions, recorded };
        });
        if (globals.json) {
          cli.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const s = report.session;
        const files = s ? (JSON.parse(s.files_touched) as string[]) : [];
        const lines = [
          s ? `Session ${s.session_id} — ${s.project}` : 'Session from its transcript',
          s ? `  started ${s.started_at}${s.ended_at ? `, ended ${s.ended_at}` : ''}` : '',
          s?.conversation_summary ? `  ${s.conversation_summary}` : '',
          `  Tools: ${
            Object.entries(report.tools)
              .sort((a, b) => b[1].calls - a[1].calls)
              .map(([tool, c]) => `${tool} ${c.calls}${c.failures ? ` (${c.failures} failed)` : ''}`)
              .join(', ') || 'none recorded'
          }`,
          s ? `  ${s.content_summary}` : '',
          files.length
            ? `  Files: ${files.slice(0, 15).join(', ')}${files.length > 15 ? `, … ${files.length - 15} more` : ''}`
            : '',
          '',
          `Heuristics consulted: ${report.consulted.length}`,
          ...report.consulted.map((c) => `  #${c.heuristic_id} [${c.domain}] ${c.rule} — ${c.outcome ?? 'pending'}`),
          '',
          `Suggested heuristics: ${report.suggestions.length}`,
          ...report.suggestions.map((h) => `  [${h.domain}] ${h.rule} (${h.why})`),
          report.suggestions.length && !report.recorded.length ? '  record them with `elf check-out --record`' : '',
          ...report.recorded.map((r) => `  ${r.action === 'added' ? 'recorded' : 'reinforced'} heuristic #${r.id}`),
        ];
        cli.io.stdout(
          `${lines
            .filter((line, i, all) => line !== '' || (all[i - 1] ?? '') !== '')
            .join('\n')
            .trim()}\n`,
        );
      }),
    );
}
