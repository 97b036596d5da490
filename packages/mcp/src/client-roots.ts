import { fileURLToPath } from 'node:url';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { SessionEnv } from './tool-env.js';

/** How long a tool call waits for the client to say where it works (once per session, at most). */
const rootsTimeoutMs = 1000;

/**
 * Where the client works, from MCP roots: a client started from a dock or an editor may start
 * `elf mcp` in any directory, but one that reports a single `file://` root (its workspace) says
 * which project it is in. Several roots, none, no support, or no answer in time: the directory
 * stays as the app gave it.
 */
export async function followRoots(server: Server, env: SessionEnv): Promise<void> {
  if (!server.getClientCapabilities()?.roots) return;
  try {
    const { roots } = await server.listRoots(undefined, { timeout: rootsTimeoutMs });
    const dirs = roots.filter((root) => root.uri.startsWith('file://')).map((root) => fileURLToPath(root.uri));
    if (dirs.length === 1 && dirs[0] !== env.session.cwd) env.moveTo(dirs[0] as string);
  } catch {
    // The client did not answer: keep the directory it started us in.
  }
}
