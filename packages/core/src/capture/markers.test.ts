import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMarkers, type Marker } from './markers.js';

describe('extractMarkers', () => {
  it('reads every marker spelling, case-insensitively, with the rest of the line as text', () => {
    const output = [
      'Done with the migration.',
      '[LEARNED:react] Memoise context values to stop re-renders',
      '[LEARNING:api] The v2 endpoint paginates with cursors',
      '[LEARN] sqlite needs WAL for concurrent readers',
      '[learned] vitest runs files in parallel by default',
      '[Learned:Testing]   trailing spaces are trimmed   ',
    ].join('\n');
    expect(extractMarkers(output)).toEqual([
      { domain: 'react', text: 'Memoise context values to stop re-renders', kind: 'heuristic' },
      { domain: 'api', text: 'The v2 endpoint paginates with cursors', kind: 'observation' },
      { domain: null, text: 'sqlite needs WAL for concurrent readers', kind: 'heuristic' },
      { domain: null, text: 'vitest runs files in parallel by default', kind: 'observation' },
      { domain: 'testing', text: 'trailing spaces are trimmed', kind: 'observation' },
    ]);
  });

  it('treats a missing, empty or padded domain the same way the recorder does', () => {
    expect(extractMarkers('[LEARNED] a').at(0)?.domain).toBeNull();
    expect(extractMarkers('[LEARNED:] a').at(0)?.domain).toBeNull();
    expect(extractMarkers('[LEARNED: react ] a').at(0)?.domain).toBe('react');
    expect(extractMarkers('[LEARNED : React] a').at(0)?.domain).toBe('react');
    expect(extractMarkers('[LEARNED:Error Handling] a').at(0)?.domain).toBe('error-handling');
    expect(extractMarkers('[LEARNED:api.v2_internal-x] a').at(0)?.domain).toBe('api.v2_internal-x');
  });

  it('turns domains outside [a-z0-9._-] or over 100 characters into null, keeping the marker', () => {
    for (const bad of ['react/hooks', 'ümlaut', 'a+b', 'd'.repeat(101)]) {
      expect(extractMarkers(`[LEARNED:${bad}] kept`), bad).toEqual([
        { domain: null, text: 'kept', kind: 'observation' },
      ]);
    }
    expect(extractMarkers(`[LEARNED:${'d'.repeat(100)}] kept`).at(0)?.domain).toBe('d'.repeat(100));
  });

  it('tolerates markdown bullets and emphasis around the marker', () => {
    const output = [
      '- **[LEARNED:api]** Always send an idempotency key',
      '* [LEARNED:db] _WAL mode_ helps readers',
      '1. __[LEARNED:git]__: rebase before pushing',
      '> **[LEARNED:css] Prefer grid for page layout**',
      '- `[LEARNED:ci]` caches live in ~/.pnpm-store',
    ].join('\n');
    expect(extractMarkers(output)).toEqual([
      { domain: 'api', text: 'Always send an idempotency key', kind: 'heuristic' },
      { domain: 'db', text: '_WAL mode_ helps readers', kind: 'observation' },
      { domain: 'git', text: 'rebase before pushing', kind: 'heuristic' },
      { domain: 'css', text: 'Prefer grid for page layout', kind: 'heuristic' },
      { domain: 'ci', text: 'caches live in ~/.pnpm-store', kind: 'observation' },
    ]);
  });

  it('keeps balanced emphasis and underscores that are part of the text', () => {
    expect(extractMarkers('[LEARNED] use snake_case_').at(0)?.text).toBe('use snake_case_');
    expect(extractMarkers('[LEARNED] keep **bold** words').at(0)?.text).toBe('keep **bold** words');
  });

  it('skips markers without text', () => {
    expect(extractMarkers('[LEARNED:api]\n[LEARNED]   \n- **[LEARNED]**\n[LEARNED:x] **')).toEqual([]);
  });

  it('ignores look-alikes that are not markers', () => {
    expect(extractMarkers('[LEARNINGS] list\n[LEARNT] x\nLEARNED: no brackets\n[LEARNED no closing')).toEqual([]);
  });

  it('ends a marker text where the next marker on the same line starts', () => {
    expect(extractMarkers('[LEARNED:a] first fact [LEARNED:b] second fact')).toEqual([
      { domain: 'a', text: 'first fact', kind: 'observation' },
      { domain: 'b', text: 'second fact', kind: 'observation' },
    ]);
  });

  it('handles Windows line endings', () => {
    expect(extractMarkers('[LEARNED] one\r\n[LEARNED] two\r\n').map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('returns duplicate markers once', () => {
    const output = '[LEARNED:api] Cache tokens\n[learned:API]  cache   tokens\n[LEARNED:db] Cache tokens';
    expect(extractMarkers(output)).toEqual([
      { domain: 'api', text: 'Cache tokens', kind: 'heuristic' },
      { domain: 'db', text: 'Cache tokens', kind: 'heuristic' },
    ]);
  });
});

describe('marker kind', () => {
  const expectKind = (kind: Marker['kind'], texts: string[]) => {
    for (const text of texts) expect(extractMarkers(`[LEARNED] ${text}`).at(0)?.kind, text).toBe(kind);
  };

  it('is a heuristic when a rule word appears as a whole word', () => {
    expectKind('heuristic', [
      'Always run migrations in a transaction',
      'never commit .env files',
      'You should pin the node version',
      'Hooks MUST exit 0',
      "Don't block the event loop",
      'Don’t block the event loop',
      'dont block the event loop',
      'Avoid N+1 queries',
      'prefer composition.',
      'Tests shouldn’t sleep',
      '(never) parenthesised',
    ]);
  });

  it('is a heuristic when it gives an order, at its start or after an opening clause', () => {
    expectKind('heuristic', [
      'Add a btree index on invoices.issued_at before exporting by date range',
      'use snake_case for columns',
      'Pin pnpm in packageManager so CI and laptops agree',
      'When the cache is cold, warm it before the load test',
      'In this repo, run the migrations with --single-transaction',
      'If a webhook arrives twice: dedupe on event.id',
      'In shop, ERESOLVE conflicts are stale peer ranges; resolve them with legacy-peer-deps',
      'The sdk ships two builds. Keep the types condition first in every exports entry',
    ]);
  });

  it('is an observation when it states a fact, whatever verbs it holds', () => {
    expectKind('observation', [
      'caches live in ~/.pnpm-store',
      'The export sorts by issued_at without an index',
      'In production the pool has 20 connections',
      'When the cache is cold the first request takes 4 s',
      'Adding an index fixed it',
    ]);
  });

  it('is an observation when rule words only appear inside other words', () => {
    expectKind('observation', [
      'The shoulder button maps to undo',
      'mustard is a colour token',
      'User preference is stored in localStorage',
      'alwaysOn flag defaults to false',
      'The neverland fixture loads slowly',
      'avoidance tables live in sqlite',
      'preferred-color-scheme media query',
      'donut chart renders in 3ms',
    ]);
  });
});

describe('text caps', () => {
  it('caps heuristics at 500 characters, cut at a word boundary', () => {
    const text = `Always ${'wordy '.repeat(200)}end`;
    const [found] = extractMarkers(`[LEARNED] ${text}`);
    expect(found?.kind).toBe('heuristic');
    expect(found?.text.length).toBeLessThanOrEqual(500);
    expect(found?.text).toMatch(/^Always (wordy )*wordy$/);
  });

  it('caps observations at 5,000 characters, cut at a word boundary', () => {
    const text = 'note '.repeat(2000);
    const [found] = extractMarkers(`[LEARNED] ${text}`);
    expect(found?.kind).toBe('observation');
    expect(found?.text.length).toBeLessThanOrEqual(5000);
    expect(found?.text.length).toBeGreaterThan(4900);
    expect(found?.text).toMatch(/^(note )*note$/);
  });

  it('cuts a text without spaces at the limit', () => {
    expect(extractMarkers(`[LEARNED] ${'x'.repeat(6000)}`).at(0)?.text).toBe('x'.repeat(5000));
  });

  it('decides the kind on the text a heuristic would keep', () => {
    const [found] = extractMarkers(`[LEARNED] ${'fact '.repeat(150)}so always check`);
    expect(found?.kind).toBe('observation');
    expect(found?.text).toContain('always');
  });

  it('scans long lines of unclosed markers without rescanning', () => {
    expect(extractMarkers('[learn:'.repeat(150_000))).toEqual([]);
  });
});

describe('extractMarkers on generated text', () => {
  const fragment = fc.oneof(
    fc.constantFrom('[LEARNED', '[learning', '[LEARN', ':', ']', ' ', '\n', '**', '_', '-', 'Always', 'never', 'x'),
    fc.string({ maxLength: 8 }),
  );

  it('returns well-formed markers only', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')),
        (input) => {
          const found = extractMarkers(input);
          const identities = new Set<string>();
          for (const { domain, text, kind } of found) {
            expect(text.length).toBeGreaterThan(0);
            expect(text).toBe(text.trim());
            expect(text.length).toBeLessThanOrEqual(kind === 'heuristic' ? 500 : 5000);
            if (domain !== null) expect(domain).toMatch(/^[a-z0-9._-]{1,100}$/);
            identities.add(`${domain}|${text.toLowerCase().replace(/\s+/g, ' ')}`);
          }
          expect(identities.size).toBe(found.length);
        },
      ),
    );
  });
});
