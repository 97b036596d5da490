/** One documented operation: what it does, its query parameters, and whether it takes a JSON body. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Hono's form (`/api/heuristics/:id`). */
  path: string;
  summary: string;
  query?: string[];
  body?: boolean;
  tag: string;
}

const list = ['limit', 'offset'];

/** Every route the server answers; a test checks this against the app's own route table both ways. */
export const routeDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/hooks/claude-code',
    tag: 'hooks',
    summary: "A Claude Code hook event (type: http); answers like `elf hook`'s stdout, empty when nothing to add",
    body: true,
    query: ['prompt-tokens', 'task-tokens', 'failure-tokens', 'session-start-tokens', 'prompt-min-score'],
  },
  {
    method: 'post',
    path: '/mcp',
    tag: 'mcp',
    summary: 'MCP (Streamable HTTP): a JSON-RPC message; `initialize` starts a session (Mcp-Session-Id)',
    body: true,
    query: ['cwd'],
  },
  { method: 'get', path: '/mcp', tag: 'mcp', summary: "MCP: the session's stream of server messages (SSE)" },
  { method: 'delete', path: '/mcp', tag: 'mcp', summary: 'MCP: ends the session named by Mcp-Session-Id' },
  { method: 'get', path: '/api/meta', tag: 'server', summary: 'Version, database path, size and schema version' },
  {
    method: 'get',
    path: '/api/stats',
    tag: 'server',
    summary: 'Counts of everything (cached; invalidated by any write)',
  },
  { method: 'get', path: '/api/health', tag: 'server', summary: 'Health checks of the database (503 when unhealthy)' },
  { method: 'get', path: '/api/export', tag: 'server', summary: 'Every knowledge record, streamed', query: ['format'] },
  {
    method: 'get',
    path: '/api/events',
    tag: 'server',
    summary: 'Server-Sent Events: `change` within 250 ms of a write by any process',
  },
  { method: 'get', path: '/api/openapi.json', tag: 'server', summary: 'This document' },
  {
    method: 'get',
    path: '/api/heuristics',
    tag: 'heuristics',
    summary: 'Heuristics by status, domain, golden, text, project',
    query: ['status', 'domain', 'golden', 'q', 'project', ...list],
  },
  {
    method: 'post',
    path: '/api/heuristics',
    tag: 'heuristics',
    summary: 'Record a heuristic (the same rule as an active one reinforces it)',
    body: true,
  },
  { method: 'get', path: '/api/heuristics/:id', tag: 'heuristics', summary: 'A heuristic and its confidence history' },
  {
    method: 'patch',
    path: '/api/heuristics/:id',
    tag: 'heuristics',
    summary: 'Edit the rule, explanation or domain',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/validate',
    tag: 'heuristics',
    summary: 'It held (through the one confidence function)',
    body: true,
  },
  { method: 'post', path: '/api/heuristics/:id/violate', tag: 'heuristics', summary: 'It did not hold', body: true },
  {
    method: 'post',
    path: '/api/heuristics/:id/promote',
    tag: 'heuristics',
    summary: 'Make it a golden rule',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/demote',
    tag: 'heuristics',
    summary: 'A golden rule back to a heuristic',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/retract',
    tag: 'heuristics',
    summary: 'Withdraw it (reason required)',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/revive',
    tag: 'heuristics',
    summary: 'A dormant one active again',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/supersede',
    tag: 'heuristics',
    summary: 'Retire it in favour of `by`',
    body: true,
  },
  {
    method: 'post',
    path: '/api/heuristics/:id/scope',
    tag: 'heuristics',
    summary: 'Global, or confined to its project',
    body: true,
  },
  { method: 'get', path: '/api/golden-rules', tag: 'heuristics', summary: 'The golden rules', query: list },
  {
    method: 'get',
    path: '/api/learnings',
    tag: 'learnings',
    summary: 'Failures, successes, observations, newest first',
    query: ['type', 'domain', 'since', ...list],
  },
  { method: 'post', path: '/api/learnings', tag: 'learnings', summary: 'Record a learning', body: true },
  { method: 'get', path: '/api/learnings/:id', tag: 'learnings', summary: 'One learning' },
  ...['decisions', 'assumptions', 'invariants', 'spikes', 'experiments', 'ceo-reviews'].flatMap((name): RouteDoc[] => [
    {
      method: 'get',
      path: `/api/${name}`,
      tag: 'knowledge',
      summary: `The ${name}, newest first`,
      query: ['status', ...list],
    },
    { method: 'post', path: `/api/${name}`, tag: 'knowledge', summary: `Record one of the ${name}`, body: true },
    {
      method: 'post',
      path: `/api/${name}/:id/:action`,
      tag: 'knowledge',
      summary: `An action on one of the ${name} (as the CLI's)`,
      body: true,
    },
  ]),
  {
    method: 'post',
    path: '/api/experiments/:id/cycles',
    tag: 'knowledge',
    summary: "Record one of an experiment's cycles",
    body: true,
  },
  {
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Full-text search over every kind',
    query: ['q', 'kinds', 'limit', 'offset'],
  },
  {
    method: 'get',
    path: '/api/context',
    tag: 'search',
    summary: 'What an agent would be given for a task, with every candidate when explain=1',
    query: ['task', 'domain', 'budget', 'depth', 'cwd', 'explain'],
  },
  {
    method: 'get',
    path: '/api/velocity',
    tag: 'activity',
    summary: 'What was learned per day and week',
    query: ['days'],
  },
  {
    method: 'get',
    path: '/api/hotspots',
    tag: 'activity',
    summary: 'Where agents keep going (list and treemap)',
    query: ['days', 'limit'],
  },
  {
    method: 'get',
    path: '/api/sessions',
    tag: 'activity',
    summary: 'Agent sessions and their summaries',
    query: ['project', ...list],
  },
  {
    method: 'get',
    path: '/api/sessions/:id',
    tag: 'activity',
    summary: 'One session: summary, what it was shown, its tools',
  },
  {
    method: 'get',
    path: '/api/queries/slow',
    tag: 'activity',
    summary: 'Query telemetry, slowest first',
    query: ['minMs', ...list],
  },
  {
    method: 'get',
    path: '/api/queries/summary',
    tag: 'activity',
    summary: 'Query counts and times by type, last 7 days',
  },
];
