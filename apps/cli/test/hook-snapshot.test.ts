import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, elf, json, type Sandbox, sandbox } from './support/run-elf.js';

// Installed hooks start from a V8 start-up snapshot of the hook bundle (issue 12), through the
// shell command `elf hooks install` writes, and must answer exactly as the plain hook does. Every
// way the snapshot can be unusable (missing, corrupt, built by another Node, built for an older
// bundle) must still answer, exit 0, and rebuild it in the background.

const blobOf = (box: Sandbox) => join(box.home, '.elf', 'cache', 'elf-hook.blob');

/** A sandbox with hooks installed by `launcher` and two rules in the default database. */
function installed(launcher = bin): { box: Sandbox; project: string; command: string } {
  const box = sandbox();
  const project = join(box.dir, 'shop');
  mkdirSync(project, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: project });
  const run = (args: string[]) => spawnSync(process.execPath, [launcher, ...args], { env: box.env, encoding: 'utf8' });
  const install = run(['hooks', 'install', '--json']);
  expect(install.status, install.stderr).toBe(0);
  for (const rule of [
    'Build indexes on big tables concurrently to avoid locking',
    'Run database migrations inside a transaction',
  ])
    expect(run(['record', 'heuristic', '--domain', 'database', '--rule', rule]).status).toBe(0);
  return { box, project: realpathSync(project), command: JSON.parse(install.stdout).command as string };
}

const prompt = (session: string, cwd: string) =>
  JSON.stringify({
    session_id: session,
    cwd,
    hook_event_name: 'UserPromptSubmit',
    prompt: 'the orders migration locks the big table while building an index',
  });

/** Runs the installed command as Claude Code does: `sh -c`, the payload on stdin. */
function runCommand(command: string, box: Sandbox, cwd: string, input: string) {
  const result = spawnSync('sh', ['-c', command], { cwd, env: box.env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The plain hook's answer to the same prompt in another session (sessions never repeat an item). */
const plainAnswer = (box: Sandbox, cwd: string, session: string) =>
  elf(box, ['hook'], { cwd, input: prompt(session, cwd) }).stdout;

const hookLog = (box: Sandbox) => {
  const file = join(box.home, '.elf', 'logs', 'hook.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

/** Waits for the background rebuild: the snapshot's stamp names this bundle again. */
async function rebuilt(box: Sandbox, bundle: string): Promise<void> {
  const { size, mtimeMs } = statSync(bundle);
  const key = `${size}-${Math.trunc(mtimeMs)}`;
  for (let i = 0; i < 300; i++) {
    try {
      if (JSON.parse(readFileSync(`${blobOf(box)}.json`, 'utf8')).bundle === key && !existsSync(`${blobOf(box)}.lock`))
        return;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the snapshot was not rebuilt within 30 s');
}

const bundle = join(dirname(realpathSync(bin)), 'hook.cjs');

describe('hooks started from a start-up snapshot (real sh, real node, real database)', () => {
  it('answers exactly as the plain hook does, and records what PostToolUse reports', () => {
    const { box, project, command } = installed();
    expect(command).toContain('--snapshot-blob');
    const fromSnapshot = runCommand(command, box, project, prompt('snap-1', project));
    expect(fromSnapshot.code).toBe(0);
    expect(fromSnapshot.stdout).toContain('Build indexes on big tables concurrently');
    expect(fromSnapshot.stdout).toBe(plainAnswer(box, project, 'plain-1'));
    const read = JSON.stringify({
      session_id: 'snap-1',
      cwd: project,
      hook_event_name: 'PostToolUse',
      tool_name: 'Read',
      tool_input: { file_path: join(project, 'src', 'orders.ts') },
      tool_response: { content: 'ok' },
    });
    expect(runCommand(command, box, project, read)).toMatchObject({ code: 0, stdout: '' });
    const trails = json(elf(box, ['query', '--json', '--trails'], { cwd: project }));
    expect(JSON.stringify(trails)).toContain('orders.ts');
    expect(hookLog(box)).toBe(''); // nothing went wrong, nothing was rebuilt
    const status = elf(box, ['hooks', 'status']).stdout;
    expect(status).toContain(`start-up snapshot current: ${blobOf(box)}`);
  });

  it('missing: runs plain, logs one line, and rebuilds it in the background', async () => {
    const { box, project, command } = installed();
    rmSync(blobOf(box));
    const answer = runCommand(command, box, project, prompt('snap-2', project));
    expect(answer.code).toBe(0);
    expect(answer.stdout).toBe(plainAnswer(box, project, 'plain-2'));
    expect(hookLog(box).trim().split('\n')).toEqual([
      expect.stringMatching(/snapshot: .*elf-hook\.blob missing; ran the plain hook and started a rebuild$/),
    ]);
    await rebuilt(box, bundle);
    expect(runCommand(command, box, project, prompt('snap-3', project)).stdout).toBe(
      plainAnswer(box, project, 'plain-3'),
    );
    expect(hookLog(box).trim().split('\n')).toHaveLength(1); // started from the new one
  });

  it('built by another Node (node refuses it before reading stdin): runs plain and rebuilds', async () => {
    const { box, project, command } = installed();
    // A blob node will not load: built with other V8 flags, as another Node version's would be.
    const work = join(box.dir, 'other');
    mkdirSync(work);
    writeFileSync(join(work, 'entry.cjs'), "require('v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");
    const built = spawnSync(process.execPath, ['--snapshot-blob', blobOf(box), '--build-snapshot', 'entry.cjs'], {
      cwd: work,
    });
    expect(built.status).toBe(0);
    writeFileSync(`${blobOf(box)}.json`, JSON.stringify({ node: 'v19.0.0', arch: process.arch, bundle: 'other' }));
    const answer = runCommand(command, box, project, prompt('snap-4', project));
    expect(answer.code).toBe(0);
    expect(answer.stdout).toBe(plainAnswer(box, project, 'plain-4'));
    expect(hookLog(box)).toMatch(/elf-hook\.blob stale; ran the plain hook and started a rebuild/);
    await rebuilt(box, bundle);
    expect(runCommand(command, box, project, prompt('snap-5', project)).stdout).toContain('Build indexes');
  });

  it('corrupt: node fails to start from it, and the hook still answers', () => {
    const { box, project, command } = installed();
    writeFileSync(blobOf(box), Buffer.alloc(64 * 1024, 7));
    const answer = runCommand(command, box, project, prompt('snap-6', project));
    expect(answer.code).toBe(0);
    expect(answer.stdout).toBe(plainAnswer(box, project, 'plain-6'));
  });

  describe('built for an older bundle (after an upgrade)', () => {
    // A copy of the built CLI beside the real one's node_modules, so its bundle can change.
    const copy = join(dirname(realpathSync(bin)), '..', 'node_modules', '.cache', `elf-snapshot-test-${process.pid}`);
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('exits before reading stdin, so the plain hook answers; then rebuilds for the new bundle', async () => {
      cpSync(dirname(realpathSync(bin)), copy, { recursive: true });
      const launcher = join(copy, 'bin.js');
      const { box, project, command } = installed(launcher);
      expect(command).toContain(launcher);
      appendFileSync(join(copy, 'hook.cjs'), '\n// upgraded\n');
      const answer = runCommand(command, box, project, prompt('snap-7', project));
      expect(answer.code).toBe(0);
      expect(answer.stdout).toBe(plainAnswer(box, project, 'plain-7'));
      expect(hookLog(box)).toMatch(/elf-hook\.blob stale; ran the plain hook and started a rebuild/);
      await rebuilt(box, join(copy, 'hook.cjs'));
      expect(runCommand(command, box, project, prompt('snap-8', project)).stdout).toBe(
        plainAnswer(box, project, 'plain-8'),
      );
      expect(hookLog(box).trim().split('\n')).toHaveLength(1);
    });
  });

  it('--no-snapshot installs the plain command; installing again switches, one handler per event', () => {
    const box = sandbox();
    const plain = json(elf(box, ['hooks', 'install', '--no-snapshot', '--json']));
    expect(plain.command).toBe(`"${process.execPath}" "${realpathSync(bin)}" hook`);
    expect(plain.snapshot).toBeNull();
    const again = json(elf(box, ['hooks', 'install', '--json']));
    expect(again.command).toContain(`--snapshot-blob "${blobOf(box)}"`);
    expect(Object.values(again.events)).toEqual(Object.values(again.events).map(() => 'updated'));
    const settings = JSON.parse(readFileSync(join(box.home, '.claude', 'settings.json'), 'utf8'));
    for (const groups of Object.values(settings.hooks) as any[]) {
      expect(groups.flatMap((g: any) => g.hooks).map((h: any) => h.command)).toEqual([again.command]);
    }
  });
});
