import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { TranscriptSource } from '../events.js';
import { isObject } from './payload.js';

/** At most this much new transcript is read per event; the rest waits for the next one. */
const maxChunk = 4 * 1_048_576;

export interface TranscriptChunk {
  /** Text of the main agent's own messages in the new part of the transcript. */
  assistantText: string;
  /**
   * The main agent's tool calls the client refused before running them (`<tool_use_error>`: an
   * Edit whose text is not in the file, say). No hook ever hears of these (seen with 2.1.328).
   */
  toolErrors: Array<{ tool: string; error: string }>;
  /** Where the next read starts (a line boundary). */
  offset: number;
}

/**
 * Reads the transcript (JSONL, appended as the session goes) from `offset`, up to the last
 * complete line, and returns the main agent's message text: where it writes its own
 * `[LEARNED:…]` markers. Subagent lines (isSidechain) are skipped: SubagentStop handles those.
 */
export function readTranscriptFrom(path: string, offset: number): TranscriptChunk {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = offset > size ? 0 : offset; // a rewritten transcript starts over
    const length = Math.min(maxChunk, size - start);
    if (length <= 0) return { assistantText: '', toolErrors: [], offset: start };
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, start);
    const lastNewline = buffer.lastIndexOf(0x0a);
    if (lastNewline < 0) return { assistantText: '', toolErrors: [], offset: start };
    const texts: string[] = [];
    const tools = new Map<string, string>();
    const toolErrors: TranscriptChunk['toolErrors'] = [];
    for (const line of buffer.subarray(0, lastNewline).toString('utf8').split('\n')) {
      const refused = line.includes('tool_use_error');
      if (!line.includes('assistant') && !refused) continue;
      try {
        const entry: unknown = JSON.parse(line);
        texts.push(...assistantTexts(entry, tools));
        if (refused) toolErrors.push(...refusedCalls(entry, tools));
      } catch {
        // a torn or foreign line: skip it
      }
    }
    return { assistantText: texts.join('\n'), toolErrors, offset: start + lastNewline + 1 };
  } finally {
    closeSync(fd);
  }
}

/** The main agent's text in one line; its tool calls' names are noted in `tools` (by id). */
function assistantTexts(entry: unknown, tools: Map<string, string>): string[] {
  if (!isObject(entry) || entry.isSidechain === true) return [];
  const message = isObject(entry.message) ? entry.message : null;
  if (!message || (entry.type !== 'assistant' && message.role !== 'assistant')) return [];
  const content = message.content;
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  for (const part of content)
    if (isObject(part) && part.type === 'tool_use' && typeof part.id === 'string' && typeof part.name === 'string')
      tools.set(part.id, part.name);
  return content.flatMap((part) =>
    isObject(part) && part.type === 'text' && typeof part.text === 'string' ? [part.text] : [],
  );
}

/** The main agent's tool results the client refused (`<tool_use_error>…</tool_use_error>`). */
function refusedCalls(entry: unknown, tools: Map<string, string>): TranscriptChunk['toolErrors'] {
  if (!isObject(entry) || entry.isSidechain === true) return [];
  const message = isObject(entry.message) ? entry.message : null;
  if (!message || !Array.isArray(message.content)) return [];
  return message.content.flatMap((part) => {
    if (!isObject(part) || part.type !== 'tool_result' || part.is_error !== true) return [];
    const text =
      typeof part.content === 'string'
        ? part.content
        : Array.isArray(part.content)
          ? part.content.map((c) => (isObject(c) && typeof c.text === 'string' ? c.text : '')).join('\n')
          : '';
    const refused = /^\s*<tool_use_error>([\s\S]*?)<\/tool_use_error>\s*$/.exec(text);
    if (!refused?.[1]?.trim()) return [];
    const tool = typeof part.tool_use_id === 'string' ? (tools.get(part.tool_use_id) ?? 'tool') : 'tool';
    return [{ tool, error: refused[1].trim() }];
  });
}

/** A Claude Code transcript as the loop reads it: the main agent's words since an offset. */
export function claudeTranscript(path: string): TranscriptSource {
  return { path, read: (offset) => readTranscriptFrom(path, offset) };
}
