import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { createElfMcpServer } from '@elf/mcp';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { ServerContext } from '../server-context.js';

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  lastUsed: number;
}

export interface McpSessionLimits {
  /** A session no request has used for this long is closed (a client that vanished). */
  idleMs: number;
  /** At most this many at once: a new one closes the least recently used. */
  max: number;
}

const defaults: McpSessionLimits = { idleMs: 60 * 60_000, max: 256 };

/** A JSON-RPC error as Streamable HTTP answers it outside a session (no id: it answers no request). */
const rpcError = (status: number, message: string) =>
  Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status });

/**
 * MCP over Streamable HTTP: one ELF MCP server per client session (its own agent session for the
 * outcomes' once-per-session rule, and its project), all on the server's one database and warm
 * context builder. A session starts with `initialize` (answered with `Mcp-Session-Id`) and ends
 * with DELETE, when idle too long, or when the server stops.
 */
export class McpSessions {
  readonly #open = new Map<string, Session>();
  readonly #limits: McpSessionLimits;
  readonly #sweep: NodeJS.Timeout;

  constructor(
    private readonly server: ServerContext,
    limits: Partial<McpSessionLimits> = {},
  ) {
    this.#limits = { ...defaults, ...limits };
    this.#sweep = setInterval(() => this.#closeIdle(), Math.min(60_000, this.#limits.idleMs));
    this.#sweep.unref();
  }

  async handle(request: Request, cwd: string | undefined): Promise<Response> {
    const id = request.headers.get('mcp-session-id');
    if (id !== null) {
      const session = this.#open.get(id);
      if (!session)
        return rpcError(
          404,
          'Mcp-Session-Id: no such session (it ended or the server restarted); initialize a new one',
        );
      session.lastUsed = Date.now();
      return session.transport.handleRequest(request);
    }
    if (request.method !== 'POST')
      return rpcError(400, 'Mcp-Session-Id: required; a session starts with a POST of initialize');
    if (cwd !== undefined && !isAbsolute(cwd)) return rpcError(400, `cwd: must be an absolute path (got "${cwd}")`);
    return this.#start(cwd).handleRequest(request);
  }

  /** A transport and server for a client that has not initialized yet; kept once it has. */
  #start(cwd: string | undefined): WebStandardStreamableHTTPServerTransport {
    const sessionId = randomUUID();
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => sessionId,
      enableJsonResponse: true,
      onsessioninitialized: (id) => {
        this.#makeRoom();
        this.#open.set(id, { transport, lastUsed: Date.now() });
      },
      onsessionclosed: (id) => {
        this.#open.delete(id);
      },
    });
    const { server } = this;
    const mcp = createElfMcpServer({
      elf: server.elf,
      version: server.version,
      sessionId: `mcp-${sessionId}`,
      // `?cwd=` names the project, else the server's directory. Not MCP roots: asking for them is a
      // request to the client, which over HTTP needs the client's optional event stream, and a
      // client without one would hold up the session's first tool call until the request timed out.
      cwd: cwd ?? server.cwd,
      followRoots: false,
      home: server.userHome,
      contextBuilder: (view) => server.builder.forView(view),
      beforeWrite: () => server.countTokens(),
      logger: { warn: (message, details) => server.log(`${message}${details ? ` ${JSON.stringify(details)}` : ''}`) },
    });
    transport.onclose = () => this.#open.delete(sessionId);
    void mcp.connect(transport);
    return transport;
  }

  #makeRoom(): void {
    if (this.#open.size < this.#limits.max) return;
    let oldest: [string, Session] | undefined;
    for (const entry of this.#open) if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (oldest) this.#close(oldest[0], oldest[1]);
  }

  #closeIdle(): void {
    const before = Date.now() - this.#limits.idleMs;
    for (const [id, session] of this.#open) if (session.lastUsed < before) this.#close(id, session);
  }

  #close(id: string, session: Session): void {
    this.#open.delete(id);
    void session.transport.close();
  }
}
