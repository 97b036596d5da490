import type { Io } from '../io.js';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr (cli-progress), only on a terminal and never with --json: pipes and
 * machine-readable output stay clean. cli-progress is loaded only when a bar is shown.
 */
export async function progressBar(io: Io, options: { json?: boolean | undefined; title: string }): Promise<Progress> {
  if (options.json || !io.isTTY || !process.stderr.isTTY) return silent;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      format: `${options.title} [{bar}] {percentage}% | {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label = '') {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
