import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { TranscriptSource } from '../events.js';
import { isObject } from './payload.js';

/** At most this much new transcript is read per event; the rest waits for the next one. */
const maxChunk = 4 * 1_048_576;

export interface TranscriptChunk {
  /** Text of the main agent's own messages in the new part of the transcript. */
  assistantText: string;
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
    if (length <= 0) return { assistantText: '', offset: start };
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, start);
    const lastNewline = buffer.lastIndexOf(0x0a);
    if (lastNewline < 0) return { assistantText: '', offset: start };
    const texts: string[] = [];
    for (const line of buffer.subarray(0, lastNewline).toString('utf8').split('\n')) {
      if (!line.includes('assistant')) continue;
      try {
        texts.push(...assistantTexts(JSON.parse(line)));
      } catch {
        // a torn or foreign line: skip it
      }
    }
    return { assistantText: texts.join('\n'), offset: start + lastNewline + 1 };
  } finally {
    closeSync(fd);
  }
}

function assistantTexts(entry: unknown): string[] {
  if (!isObject(entry) || entry.isSidechain === true) return [];
  const message = isObject(entry.message) ? entry.message : null;
  if (!message || (entry.type !== 'assistant' && message.role !== 'assistant')) return [];
  const content = message.content;
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part) =>
    isObject(part) && part.type === 'text' && typeof part.text === 'string' ? [part.text] : [],
  );
}

/** A Claude Code transcript as the loop reads it: the main agent's words since an offset. */
export function claudeTranscript(path: string): TranscriptSource {
  return { path, read: (offset) => readTranscriptFrom(path, offset) };
}
