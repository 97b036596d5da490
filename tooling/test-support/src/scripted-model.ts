import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for the Anthropic Messages API on loopback, so the real Claude Code client
// (`ANTHROPIC_BASE_URL=<url> claude -p …`) runs whole sessions here: hooks fire, tools run, and
// every request the model would have received is kept for the test to read. It speaks what the
// client uses: POST /v1/messages, streamed (server-sent events: message_start, content blocks
// with text_delta / input_json_delta, message_delta, message_stop) or not, and
// /v1/messages/count_tokens. What the model answers is the test's script.

export interface ContentBlock {
  type: string;
  text?: string;
  content?: unknown;
  name?: string;
  input?: unknown;
  id?: string;
  tool_use_id?: string;
  is_error?: boolean;
}

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

/** A request as the client sent it (the fields a test reads; the rest is kept as sent). */
export interface ModelRequest {
  model: string;
  system?: string | ContentBlock[];
  messages: ModelMessage[];
  tools?: Array<{ name: string }>;
  stream?: boolean;
  [field: string]: unknown;
}

/** What the model says in one turn: text, tool calls, or both (tool calls end the turn with tool_use). */
export type Turn = Array<{ text: string } | { tool: string; input: Record<string, unknown> }>;

/** The test's model: given the request, the next turn. A string is a turn of one text block. */
export type Script = (request: ModelRequest) => Turn | string;

export interface ScriptedModel {
  /** For ANTHROPIC_BASE_URL. */
  url: string;
  /** Every /v1/messages request, in order of arrival (count_tokens calls are not kept). */
  requests: ModelRequest[];
  close(): Promise<void>;
}

const textOf = (content: string | ContentBlock[] | undefined): string =>
  typeof content === 'string'
    ? content
    : (content ?? [])
        .map((block) =>
          block.type === 'text'
            ? (block.text ?? '')
            : block.type === 'tool_result'
              ? typeof block.content === 'string'
                ? block.content
                : textOf(block.content as ContentBlock[])
              : '',
        )
        .join('\n');

/** Everything the model was shown as text: system prompt and every message (tool results included). */
export function requestText(request: ModelRequest): string {
  return [textOf(request.system), ...request.messages.map((m) => textOf(m.content))].join('\n');
}

/** The first user message's text: for a subagent, the task it was given. */
export function firstUserText(request: ModelRequest): string {
  return textOf(request.messages.find((m) => m.role === 'user')?.content);
}

/** The tool results in the last message (empty at the start of a turn the user began). */
export function lastToolResults(request: ModelRequest): ContentBlock[] {
  const last = request.messages.at(-1);
  return Array.isArray(last?.content) ? last.content.filter((block) => block.type === 'tool_result') : [];
}

/** How many times the model has answered in this conversation so far. */
export function assistantTurns(request: ModelRequest): number {
  return request.messages.filter((m) => m.role === 'assistant').length;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the server on a free loopback port. A string script answers every request with that text. */
export async function startScriptedModel(scriptOrText: Script | string): Promise<ScriptedModel> {
  const script: Script = typeof scriptOrText === 'string' ? () => scriptOrText : scriptOrText;
  const requests: ModelRequest[] = [];
  let ids = 0;
  const blocksOf = (turn: Turn | string) =>
    (typeof turn === 'string' ? [{ text: turn }] : turn).map((part) =>
      'text' in part
        ? { type: 'text', text: part.text }
        : { type: 'tool_use', id: `toolu_scripted_${++ids}`, name: part.tool, input: part.input },
    );
  const usage = { input_tokens: 100, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

  const answer = (res: ServerResponse, request: ModelRequest) => {
    let blocks: ReturnType<typeof blocksOf>;
    try {
      blocks = blocksOf(script(request));
    } catch (error) {
      // A broken script is the test's bug: a 400 the client does not retry, so the run ends at once.
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: `script: ${error}` } }));
      return;
    }
    const stop = blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
    const message = { id: `msg_scripted_${++ids}`, type: 'message', role: 'assistant', model: request.model };
    if (!request.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...message, content: blocks, stop_reason: stop, stop_sequence: null, usage }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (type: string, data: Record<string, unknown>) =>
      res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    send('message_start', { message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage } });
    blocks.forEach((block, index) => {
      if (block.type === 'text') {
        send('content_block_start', { index, content_block: { type: 'text', text: '' } });
        send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
      } else {
        send('content_block_start', { index, content_block: { ...block, input: {} } });
        send('content_block_delta', {
          index,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
        });
      }
      send('content_block_stop', { index });
    });
    send('message_delta', { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 10 } });
    send('message_stop', {});
    res.end();
  };

  const server = createServer((req, res) => {
    read(req).then(
      (body) => {
        const path = (req.url ?? '').split('?')[0];
        if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ input_tokens: Math.ceil(body.length / 4) }));
        } else if (req.method === 'POST' && path === '/v1/messages') {
          const request = JSON.parse(body) as ModelRequest;
          requests.push(request);
          answer(res, request);
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `no ${path} here` } }));
        }
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
