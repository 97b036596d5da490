import { afterTest, tempDir } from '@elf/test-support';
import type { Browser } from 'playwright-core';
import { openPage, type WatchedPage } from './browser.js';
import { type Seeded, seedDashboard } from './seed-dashboard.js';
import { childEnv, type ServerProcess, startServerProcess } from './server-process.js';

export interface DashboardSession extends WatchedPage {
  seeded: Seeded;
  server: ServerProcess;
  /** GETs an API route from outside the browser, as the ground truth to compare the page with. */
  api<T>(path: string): Promise<T>;
}

/** A seeded database in a temp directory, the built server on it, and a fresh watched page. */
export async function openDashboard(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<DashboardSession> {
  const seeded = await seedDashboard(tempDir('elf-dashboard-'));
  const server = await startServerProcess(['--db', seeded.db], { ...childEnv(seeded.home), ELF_HOME: seeded.home });
  afterTest(() => server.stop());
  const watched = await openPage(browser, { colorScheme });
  // Registered last, so it runs first: the page goes before the server it is connected to.
  afterTest(() => watched.page.context().close());
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`);
    return (await response.json()) as T;
  };
  return { ...watched, seeded, server, api };
}
