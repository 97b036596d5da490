import { isAbsolute, relative } from 'node:path';
import type { TrailSpec } from '../events.js';
import { isObject, type Json, obj, str } from './payload.js';

// Claude Code's tools, as the learning loop sees them: where a call went (a trail), what it was
// asked to do (one line), whether a shell call failed in-band, and which tools run a subagent.

/** Tools that start a subagent (renamed from Task to Agent in newer Claude Code builds). */
export const subagentTools: ReadonlySet<string> = new Set(['Task', 'Agent']);

/** A Bash result that reports failure in-band (older builds send failures as PostToolUse). */
export function bashFailed(response: unknown): boolean {
  if (!isObject(response)) return false;
  const code = response.exit_code ?? response.exitCode ?? response.returnCode;
  return response.is_error === true || (typeof code === 'number' && code !== 0);
}

const fileTools: Record<string, { scent: TrailSpec['scent']; strength: number }> = {
  Read: { scent: 'read', strength: 0.5 },
  Edit: { scent: 'write', strength: 1 },
  Write: { scent: 'write', strength: 1 },
  MultiEdit: { scent: 'write', strength: 1 },
  NotebookEdit: { scent: 'write', strength: 1 },
  Glob: { scent: 'search', strength: 0.3 },
  Grep: { scent: 'search', strength: 0.3 },
};

/** A path as the project knows it: relative to the checkout's root (forward slashes) when inside it. */
export function projectRelative(path: string, project: string): string {
  const slashed = path.replace(/\\/g, '/');
  if (!isAbsolute(path) && !/^[A-Za-z]:\//.test(slashed)) return slashed.replace(/^\.\//, '');
  const inside = relative(project, path).replace(/\\/g, '/');
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : slashed;
}

/**
 * Where a tool call went, as a trail: files read or written, searched folders or patterns, and
 * shell commands (first line, at most 200 characters). Null for tools that touch no place.
 */
export function trailFor(toolName: string, input: Json | null, project: string): TrailSpec | null {
  const file = fileTools[toolName];
  if (file) {
    const path = str(input, 'file_path') ?? str(input, 'notebook_path') ?? str(input, 'path');
    const pattern = str(input, 'pattern');
    const location = path ? projectRelative(path, project) : pattern;
    if (!location) return null;
    return {
      location: location.slice(0, 1000),
      location_type: 'file',
      scent: file.scent,
      strength: file.strength,
      message: pattern && path ? `${toolName} ${pattern.slice(0, 200)}` : `${toolName}`,
    };
  }
  if (toolName === 'Bash') {
    const command = str(input, 'command')?.split('\n')[0]?.trim();
    if (!command) return null;
    return {
      location: command.slice(0, 200),
      location_type: 'command',
      scent: 'exec',
      strength: 0.5,
      message: str(input, 'description')?.slice(0, 200) ?? 'Bash',
    };
  }
  return null;
}

/** A short, single-line description of what a tool was asked to do (for failure learnings). */
export function describeInput(toolName: string, input: Json | null, project: string): string {
  const path = str(input, 'file_path') ?? str(input, 'notebook_path') ?? str(input, 'path');
  const parts = [
    path ? projectRelative(path, project) : null,
    str(input, 'command'),
    str(input, 'pattern'),
    str(input, 'url'),
    str(input, 'description'),
    str(input, 'query'),
  ].filter((p): p is string => Boolean(p));
  const nested = obj(input, 'input');
  if (parts.length === 0 && nested) return describeInput(toolName, nested, project);
  return `${toolName}${parts.length ? `: ${parts.join(' · ')}` : ''}`.replace(/\s+/g, ' ').slice(0, 300);
}
