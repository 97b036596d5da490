import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { resolveCheckoutRoot } from '@elf/core';
import { locateManagedBlock, managedBlockProblem } from './managed-block.js';

/** ELF's golden-rules block in a file the agent reads. */
export interface InstructedBlock {
  /** The file as its user knows it: relative to the checkout, `~/…`, or absolute. */
  name: string;
  /** The block, markers included. */
  block: string;
}

/** Instruction files are small: a larger file, or anything but a regular file (a FIFO would hang the read), is passed over. */
const maxBytes = 1_048_576;
/** Claude Code follows `@path` imports; one hop and a few of them find `@AGENTS.md` and its like. */
const maxImports = 5;

function readSmall(file: string): string | null {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxBytes) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function blockOf(text: string): string | null {
  if (managedBlockProblem(text) !== null) return null;
  const span = locateManagedBlock(text);
  return span ? text.slice(span.start, span.end) : null;
}

/** The Markdown files a CLAUDE.md imports (`@path` outside code), resolved as Claude Code does. */
function importsOf(text: string, file: string, home: string | null): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const [, path = ''] of line.matchAll(/(?:^|\s)@(\S+\.md)(?=\s|$)/g)) {
      if (path.startsWith('~/')) {
        if (home) found.push(join(home, path.slice(2)));
      } else {
        found.push(resolve(dirname(file), path));
      }
      if (found.length === maxImports) return found;
    }
  }
  return found;
}

function displayName(file: string, root: string, home: string | null): string {
  const below = (base: string) => {
    const path = relative(base, file);
    return path && !path.startsWith('..') && !isAbsolute(path) ? path.split(sep).join('/') : null;
  };
  const inRoot = below(root);
  if (inRoot) return inRoot;
  const inHome = home ? below(home) : null;
  return inHome ? `~/${inHome}` : file;
}

/**
 * ELF's golden-rules blocks in the instruction files Claude Code loads for a session in `cwd`: the
 * checkout's CLAUDE.md and .claude/CLAUDE.md (where `elf golden export` writes), its AGENTS.md
 * when it has no CLAUDE.md (Claude Code 2.1.277 and later read it then), the user's
 * ~/.claude/CLAUDE.md when `home` is known, and the Markdown files these import with `@path` (one
 * hop, so `@AGENTS.md` counts). A few small reads; nothing is cached across processes. A file
 * that is missing, unreadable, too large or holds a malformed block counts as no block, so the
 * agent is shown the rules instead.
 */
export function claudeGoldenBlocks(cwd: string, home: string | null): InstructedBlock[] {
  const root = resolveCheckoutRoot(cwd);
  const texts = new Map<string, string | null>();
  const read = (file: string) => {
    if (!texts.has(file)) texts.set(file, readSmall(file));
    return texts.get(file) ?? null;
  };
  const project = [join(root, 'CLAUDE.md'), join(root, '.claude', 'CLAUDE.md')];
  const user = home ? [join(home, '.claude', 'CLAUDE.md')] : [];
  const loaded = [...project, ...user].filter((file) => read(file) !== null);
  const files = [...loaded];
  if (!project.some((file) => read(file) !== null)) files.push(join(root, 'AGENTS.md'));
  for (const file of loaded) files.push(...importsOf(read(file) ?? '', file, home));
  const blocks: InstructedBlock[] = [];
  for (const file of new Set(files)) {
    const text = read(file);
    const block = text === null ? null : blockOf(text);
    if (block) blocks.push({ name: displayName(file, root, home), block });
  }
  return blocks;
}
