import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { readTranscriptFrom } from './transcript.js';

// Lines in the shape Claude Code 2.1.328 writes its transcript (see apps/cli/test/claude-code.e2e.test.ts).
const line = (entry: object) => `${JSON.stringify(entry)}\n`;
const assistant = (content: object[], sidechain = false) =>
  line({ type: 'assistant', isSidechain: sidechain, message: { role: 'assistant', content } });
const result = (id: string, content: unknown, sidechain = false) =>
  line({
    type: 'user',
    isSidechain: sidechain,
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, is_error: true, content }] },
  });

describe('readTranscriptFrom', () => {
  it('reads the main agent’s text and the tool calls the client refused, never a subagent’s', () => {
    const file = join(tempDir('elf-transcript-'), 't.jsonl');
    writeFileSync(
      file,
      [
        assistant([
          { type: 'text', text: 'Editing.' },
          { type: 'tool_use', id: 't1', name: 'Edit', input: {} },
        ]),
        result('t1', '<tool_use_error>String to replace not found in file.\nString: no such text</tool_use_error>'),
        assistant([{ type: 'tool_use', id: 't2', name: 'Bash', input: {} }]),
        result('t2', 'Exit code 1\nfatal: not a git repository'), // ran and failed: PostToolUseFailure's
        assistant([{ type: 'tool_use', id: 't3', name: 'Write', input: {} }], true),
        result('t3', [{ type: 'text', text: '<tool_use_error>File has not been read yet.</tool_use_error>' }], true),
        assistant([{ type: 'text', text: '[LEARNED:git] Always check the path' }]),
        '{"torn": ',
      ].join(''),
    );
    const chunk = readTranscriptFrom(file, 0);
    expect(chunk.assistantText).toBe('Editing.\n[LEARNED:git] Always check the path');
    expect(chunk.toolErrors).toEqual([
      { tool: 'Edit', error: 'String to replace not found in file.\nString: no such text' },
    ]);
    expect(readTranscriptFrom(file, chunk.offset)).toMatchObject({ assistantText: '', toolErrors: [] });
  });
});
