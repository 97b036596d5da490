import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { openDashboard } from './support/dashboard-session.js';
import { runElf } from './support/run-elf.js';

// The dashboard as a person uses it: the real built server (dist/bin.js) on a database seeded
// with the real CLI, in Debian's chromium. Every test also checks that the page logged no
// error, threw nothing and broke no rule of the Content-Security-Policy.

const shots = process.env.ELF_SCREENSHOTS;
const LONG = 180_000;

interface Stats {
  stats: {
    total_learnings: number;
    total_heuristics: number;
    golden_heuristics: number;
    learnings_by_type: Record<string, number>;
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

/** A JavaScript expression evaluated in the page (a string: this file is compiled without the DOM's types). */
const browserValue = (page: Page, expression: string): Promise<unknown> => page.evaluate(expression);

/** Follows a link of the views' nav (a stat card may have the same name). */
const navTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();

async function statValue(page: Page, stat: string): Promise<number> {
  return Number((await text(page, `[data-stat="${stat}"] .stat-value`)).replace(/,/g, ''));
}

describe('elf-server dashboard (real browser, real server)', () => {
  it(
    'shows the counts, promotes a heuristic into the golden rules, and shows a failure recorded elsewhere without a reload',
    async () => {
      const { page, problems, server, seeded, api } = await openDashboard(browser);
      await page.goto(`${server.url}/`);
      expect(page.url()).toMatch(/#\/overview$/);
      await page.locator('[data-stat="learnings"] .stat-value').waitFor();
      const { stats } = await api<Stats>('/api/stats');
      expect(await statValue(page, 'learnings')).toBe(stats.total_learnings);
      expect(await statValue(page, 'heuristics')).toBe(stats.total_heuristics);
      expect(await statValue(page, 'golden')).toBe(stats.golden_heuristics);
      expect(stats.total_heuristics).toBe(12); // 8 starter golden rules + the 4 seeded
      await page.locator('#recent-failures').getByText('Migration locked the orders table').waitFor();
      await page.locator('.chart canvas').first().waitFor();

      // Heuristics: filter by domain with Enter (the filter lands in the URL), then promote.
      await navTo(page, 'Heuristics');
      await page.locator('#heuristics-table').waitFor();
      await page.getByLabel('Domain').fill('frontend');
      await page.getByLabel('Domain').press('Enter');
      await page.waitForURL(/#\/heuristics\?domain=frontend/);
      const row = page.locator(`#heuristics-table tr[data-heuristic-id="${seeded.toPromote.id}"]`);
      await row.waitFor();
      expect(await page.locator('#heuristics-table tbody tr').count()).toBe(1);
      await page.getByRole('button', { name: `Promote heuristic ${seeded.toPromote.id}` }).click();
      await row.locator('.badge.golden').waitFor();
      await page.locator('.toast').getByText(`#${seeded.toPromote.id}`).waitFor();
      const promoted = await api<{ heuristic: { is_golden: boolean } }>(`/api/heuristics/${seeded.toPromote.id}`);
      expect(promoted.heuristic.is_golden).toBe(true);

      await navTo(page, 'Golden rules');
      await page
        .locator(`#golden-list li[data-heuristic-id="${seeded.toPromote.id}"]`)
        .getByText(seeded.toPromote.rule)
        .waitFor();
      // The view is a link: reloaded, it shows the same.
      await page.reload();
      await page.locator('#golden-list').getByText(seeded.toPromote.rule).waitFor();

      // Another process records a failure; the open overview shows it by itself.
      await navTo(page, 'Overview');
      await page.locator('#recent-failures').waitFor();
      const failuresBefore = await statValue(page, 'failures');
      await page.evaluate('window.stillTheSamePage = true');
      await runElf(seeded, [
        'record',
        'failure',
        '--domain',
        'deploy',
        '--title',
        'Deploy script lost the env file',
        '--summary',
        'Recorded while the dashboard was open.',
      ]);
      await page.locator('#recent-failures').getByText('Deploy script lost the env file').waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        `Number(document.querySelector('[data-stat="failures"] .stat-value')?.textContent) === ${failuresBefore + 1}`,
      );
      expect(await browserValue(page, 'window.stillTheSamePage')).toBe(true);
      expect(await page.locator('.live-badge').textContent()).toContain('Live');
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'searches from the keyboard, previews a context within its budget, and shows a heuristic with its history',
    async () => {
      const { page, problems, server, seeded, api } = await openDashboard(browser);
      await page.goto(`${server.url}/#/overview`);
      await page.locator('[data-stat="learnings"]').waitFor();

      // `/` focuses the search; Enter submits.
      await page.keyboard.press('/');
      expect(await browserValue(page, 'document.activeElement?.id')).toBe('global-search');
      await page.keyboard.type('migration');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/search\?q=migration$/);
      const results = page.locator('#search-results');
      await results.locator('.hit').first().waitFor();
      await results.getByRole('heading', { name: /Heuristics/ }).waitFor();
      await results.getByRole('heading', { name: /Learnings/ }).waitFor();
      await results.getByText('Migration locked the orders table').first().waitFor();
      expect(await results.locator('mark').count()).toBeGreaterThan(0);

      // Context preview: the form submits with Enter; the text fits the budget and shows its items.
      await navTo(page, 'Context preview');
      await page.getByLabel('Task').fill('add an index to the orders table without locking it');
      await page.getByLabel('Budget (tokens)').fill('600');
      await page.getByLabel('Task').press('Enter');
      await page.waitForURL(/#\/context\?task=.*budget=600/);
      await page.locator('#context-text').waitFor();
      expect(await text(page, '#context-text')).toContain('Build indexes on big tables concurrently');
      const budget = await text(page, '#context-budget');
      expect(budget).toMatch(/of 600 tokens/);
      expect(Number(budget.match(/^([\d,]+)/)?.[1]?.replace(/,/g, ''))).toBeLessThanOrEqual(600);
      expect(await page.locator('#context-items tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('#context-items tbody tr td.num').nth(1).textContent()).toMatch(/^\d+\.\d{3}$/);

      // A heuristic's page: its record and its confidence history.
      await page.goto(`${server.url}/#/heuristics/${seeded.validated.id}`);
      await page.getByText(seeded.validated.rule).first().waitFor();
      await page.locator('#history-table tbody tr').first().waitFor();
      expect(await page.locator('#history-table tbody tr').count()).toBeGreaterThanOrEqual(4);
      await page.locator('.chart canvas').first().waitFor();

      // A missing one shows the API's own error message.
      const missing = await fetch(`${server.url}/api/heuristics/999999`);
      expect(missing.status).toBe(404);
      const { error } = (await missing.json()) as { error: { message: string } };
      await page.goto(`${server.url}/#/heuristics/999999`);
      await page.locator('.state-error .error-message').waitFor();
      expect(await text(page, '.state-error .error-message')).toBe(error.message);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      expect(await api<unknown>('/api/stats')).toBeTruthy();
    },
    LONG,
  );

  // Each view by its link, the element that shows it has its data, and a name for its screenshot.
  const views: Array<{ name: string; hash: string; title: string; ready: string }> = [
    { name: 'overview', hash: 'overview', title: 'Overview', ready: '.chart canvas' },
    { name: 'heuristics', hash: 'heuristics', title: 'Heuristics', ready: '#heuristics-table tbody tr' },
    { name: 'heuristic', hash: 'heuristics/{id}', title: 'Heuristic #{id}', ready: '#history-table tbody tr' },
    { name: 'golden', hash: 'golden', title: 'Golden rules', ready: '#golden-list li' },
    { name: 'learnings', hash: 'learnings', title: 'Learnings', ready: '#learnings-timeline .learning' },
    { name: 'hotspots', hash: 'hotspots', title: 'Hot spots', ready: '.treemap svg .treemap-cell' },
    { name: 'search', hash: 'search?q=index', title: 'Search', ready: '#search-results .hit' },
    {
      name: 'context',
      hash: 'context?task=add+an+index+to+the+orders+table&budget=800',
      title: 'Context preview',
      ready: '#context-items tbody tr',
    },
    { name: 'sessions', hash: 'sessions', title: 'Sessions', ready: '#sessions-table tbody tr' },
    {
      name: 'session',
      hash: 'sessions/sess-dash-1',
      title: 'Session sess-dash-1',
      ready: '#injections-table tbody tr',
    },
    { name: 'queries', hash: 'queries', title: 'Slow queries', ready: '#queries-table tbody tr' },
  ];

  for (const theme of ['light', 'dark'] as const) {
    it(
      `renders every view from its link in the ${theme} theme`,
      async () => {
        const { page, problems, server, seeded } = await openDashboard(browser, theme);
        if (shots) mkdirSync(shots, { recursive: true });
        for (const view of views) {
          const id = String(seeded.validated.id);
          const hash = view.hash.replace('{id}', id);
          await page.goto(`${server.url}/#/${hash}`);
          await page.reload(); // every view stands on its URL alone
          await page.locator(view.ready).first().waitFor();
          expect(await text(page, 'h1')).toBe(view.title.replace('{id}', id));
          expect(await browserValue(page, 'document.documentElement.dataset.theme')).toBe(theme);
          expect(await page.locator('.state-error').count()).toBe(0);
          if (shots) {
            await page.screenshot({ path: join(shots, `${view.name}-${theme}.png`), fullPage: true });
          }
        }
        expect(problems).toEqual([]);
      },
      LONG,
    );
  }

  it(
    'works from the keyboard and keeps the chosen theme',
    async () => {
      const { page, problems, server } = await openDashboard(browser, 'light');
      await page.goto(`${server.url}/#/overview`);
      await page.locator('[data-stat="learnings"]').waitFor();
      // The first Tab reaches the skip link, with a visible focus ring.
      await page.keyboard.press('Tab');
      expect(await browserValue(page, 'document.activeElement?.textContent')).toBe('Skip to content');
      const outline = await browserValue(page, 'getComputedStyle(document.activeElement).outlineStyle');
      expect(outline).not.toBe('none');
      // Tab on to the nav and follow a link with Enter.
      for (let i = 0; i < 20; i += 1) {
        await page.keyboard.press('Tab');
        if ((await browserValue(page, 'document.activeElement?.textContent')) === '☰Learnings') break;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/learnings$/);
      await page.locator('#learnings-timeline').waitFor();
      expect(await browserValue(page, 'document.activeElement?.id')).toBe('view-title');

      // The theme toggle: flips the page and is remembered across a reload.
      expect(await browserValue(page, 'document.documentElement.dataset.theme')).toBe('light');
      const light = await browserValue(page, 'getComputedStyle(document.documentElement).backgroundColor');
      await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
      expect(await browserValue(page, 'document.documentElement.dataset.theme')).toBe('dark');
      await page.reload();
      await page.locator('#learnings-timeline').waitFor();
      expect(await browserValue(page, 'document.documentElement.dataset.theme')).toBe('dark');
      expect(await browserValue(page, 'getComputedStyle(document.documentElement).backgroundColor')).not.toBe(light);
      await page.getByRole('button', { name: 'Switch to the light theme' }).waitFor();
      expect(problems).toEqual([]);
    },
    LONG,
  );
});
