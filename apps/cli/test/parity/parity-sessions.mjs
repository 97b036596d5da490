// The hook sessions of the parity harness: Claude Code payloads in the shapes the real client
// sends (see ../fixtures/hooks), over several sessions, projects and days.

const hour = 3_600_000;
const day = 24 * hour;

function assistant(text, sidechain = false) {
  return {
    type: 'assistant',
    isSidechain: sidechain,
    message: { role: 'assistant', content: [{ type: 'text', text }] },
  };
}

/** Yields { label, payload, transcriptLines?, at?, odd? } in the order the hooks run. */
export function* corpusSessions({ corpus, shop, billing, transcript }) {
  const task = (id) => corpus.tasks.find((t) => t.id === id).task;
  const base = (session, cwd) => ({ session_id: session, transcript_path: transcript, cwd });
  const event = (session, cwd, name, fields) => ({
    ...base(session, cwd),
    permission_mode: 'default',
    hook_event_name: name,
    ...fields,
  });

  // Session 1 in the shop: prompts, two subagents (one succeeds, one fails), tools, failures, a compaction.
  const s1 = (name, fields) => event('sess-shop-1', shop, name, fields);
  yield { label: 'SessionStart startup', at: hour, payload: s1('SessionStart', { source: 'startup' }) };
  yield { label: 'UserPromptSubmit t06', payload: s1('UserPromptSubmit', { prompt: task('t06') }) };
  yield { label: 'UserPromptSubmit t06 again', payload: s1('UserPromptSubmit', { prompt: task('t06') }) };
  const taskA = {
    description: 'Rewrite the orders migration',
    prompt: `${task('t07')}\nThen check that the orders migration does not lock the table.`,
    subagent_type: 'general-purpose',
  };
  yield {
    label: 'PreToolUse Task A',
    payload: s1('PreToolUse', { tool_name: 'Task', tool_input: taskA, tool_use_id: 'toolu_A' }),
  };
  const file = `${shop}/migrations/0042_orders_index.sql`;
  yield {
    label: 'PostToolUse Read',
    payload: s1('PostToolUse', {
      tool_name: 'Read',
      tool_input: { file_path: file },
      tool_response: { type: 'text', file: { filePath: file, content: 'CREATE INDEX idx ON orders (status);\n' } },
      tool_use_id: 'toolu_R',
    }),
  };
  yield {
    label: 'PostToolUse Edit',
    payload: s1('PostToolUse', {
      tool_name: 'Edit',
      tool_input: { file_path: file, old_string: 'CREATE INDEX', new_string: 'CREATE INDEX CONCURRENTLY' },
      tool_response: { filePath: file },
      tool_use_id: 'toolu_E',
    }),
  };
  yield {
    label: 'PostToolUse Grep',
    payload: s1('PostToolUse', {
      tool_name: 'Grep',
      tool_input: { pattern: 'CREATE INDEX', path: `${shop}/migrations` },
      tool_response: { mode: 'files_with_matches', filenames: ['migrations/0042_orders_index.sql'], numFiles: 1 },
      tool_use_id: 'toolu_G',
    }),
  };
  yield {
    label: 'PostToolUse Bash ok',
    payload: s1('PostToolUse', {
      tool_name: 'Bash',
      tool_input: { command: 'npm test -- migrations', description: 'Run the migration tests' },
      tool_response: { stdout: '12 passing (340ms)\n', stderr: '', interrupted: false },
      tool_use_id: 'toolu_B1',
    }),
  };
  yield {
    label: 'PostToolUseFailure Bash',
    payload: s1('PostToolUseFailure', {
      tool_name: 'Bash',
      tool_input: {
        command: 'psql "postgres://deploy:Sup3rS3cretPw@db.internal:5432/shop" -f migrations/0042_orders_index.sql',
        description: 'Apply the migration',
      },
      tool_use_id: 'toolu_B2',
      error: 'Exit code 1\npsql: error: ERROR:  CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
      is_interrupt: false,
    }),
  };
  yield {
    label: 'PostToolUse Bash failing in-band',
    payload: s1('PostToolUse', {
      tool_name: 'Bash',
      tool_input: { command: 'npx vitest run test/orders.test.ts' },
      tool_response: {
        stdout: '',
        stderr:
          "FAIL test/orders.test.ts > lists orders\nTypeError: Cannot read properties of undefined (reading 'id')\n    at listOrders (src/orders.ts:41:18)",
        exit_code: 1,
      },
      tool_use_id: 'toolu_B3',
    }),
  };
  const successA =
    'Done: the migration builds the index with CREATE INDEX CONCURRENTLY outside a transaction, and the pool size is capped per pod.\n\n' +
    '[LEARNED:database] Always run CREATE INDEX CONCURRENTLY outside a transaction block\n' +
    '[LEARNED] The orders table has 40 million rows in production\n' +
    '- **[LEARNED:performance]** Never open more than 10 Postgres connections per API pod';
  yield {
    label: 'PostToolUse Task A success',
    payload: s1('PostToolUse', {
      tool_name: 'Task',
      tool_input: taskA,
      tool_response: { content: [{ type: 'text', text: successA }], totalDurationMs: 40_000 },
      tool_use_id: 'toolu_A',
    }),
  };
  yield {
    label: 'SubagentStop A (already settled)',
    payload: s1('SubagentStop', {
      stop_hook_active: false,
      agent_id: 'agent-a',
      agent_type: 'general-purpose',
      last_assistant_message: successA,
    }),
  };
  const taskB = { description: 'Fix the wallet deadlock', prompt: task('t09'), subagent_type: 'general-purpose' };
  yield {
    label: 'PreToolUse Task B',
    payload: s1('PreToolUse', { tool_name: 'Task', tool_input: taskB, tool_use_id: 'toolu_B' }),
  };
  const failureB =
    'I could not complete this. The transfer test still fails with Error: deadlock detected (SQLSTATE 40P01).\n' +
    '[LEARNED:database] Never retry a deadlocked transaction without a backoff';
  yield {
    label: 'SubagentStop B failure',
    payload: s1('SubagentStop', {
      stop_hook_active: false,
      agent_id: 'agent-b',
      agent_type: 'general-purpose',
      last_assistant_message: failureB,
    }),
  };
  yield {
    label: 'PostToolUse Task B (already settled)',
    payload: s1('PostToolUse', {
      tool_name: 'Task',
      tool_input: taskB,
      tool_response: { content: [{ type: 'text', text: failureB }] },
      tool_use_id: 'toolu_B',
    }),
  };
  yield {
    label: 'PostToolUseFailure interrupted',
    payload: s1('PostToolUseFailure', {
      tool_name: 'Bash',
      tool_input: { command: 'sleep 100' },
      tool_use_id: 'toolu_B4',
      error: 'Interrupted by user',
      is_interrupt: true,
    }),
  };
  yield { label: 'UserPromptSubmit t08', payload: s1('UserPromptSubmit', { prompt: task('t08') }) };
  yield {
    label: 'PreCompact',
    transcriptLines: [
      { type: 'user', message: { role: 'user', content: task('t06') } },
      assistant('[LEARNED:database] A sidechain marker that SubagentStop handles', true),
      assistant(
        'Done. [LEARNED:deploy] Never run schema migrations during the nightly batch window\n[LEARNED:deploy] The nightly batch runs from 01:00 to 03:00 UTC',
      ),
    ],
    payload: { ...base('sess-shop-1', shop), hook_event_name: 'PreCompact', trigger: 'auto', custom_instructions: '' },
  };
  yield {
    label: 'SessionStart compact',
    payload: { ...base('sess-shop-1', shop), hook_event_name: 'SessionStart', source: 'compact' },
  };
  yield { label: 'UserPromptSubmit t06 after compaction', payload: s1('UserPromptSubmit', { prompt: task('t06') }) };
  yield {
    label: 'SessionEnd',
    transcriptLines: [
      { type: 'user', message: { role: 'user', content: task('t06') } },
      assistant('[LEARNED:database] A sidechain marker that SubagentStop handles', true),
      assistant(
        'Done. [LEARNED:deploy] Never run schema migrations during the nightly batch window\n[LEARNED:deploy] The nightly batch runs from 01:00 to 03:00 UTC',
      ),
      assistant('[LEARNED:testing] Prefer factories over shared fixtures for order tests'),
    ],
    payload: s1('SessionEnd', { reason: 'prompt_input_exit' }),
  };

  // Session 2 in another project: the newer Agent tool name, a failing Read, no markers.
  const s2 = (name, fields) => event('sess-billing-1', billing, name, fields);
  yield { label: 'billing SessionStart', at: 2 * hour, payload: s2('SessionStart', { source: 'startup' }) };
  yield { label: 'billing UserPromptSubmit t12', payload: s2('UserPromptSubmit', { prompt: task('t12') }) };
  const taskC = { description: 'Idempotency keys', prompt: task('t12'), subagent_type: 'Plan' };
  yield {
    label: 'billing PreToolUse Agent',
    payload: s2('PreToolUse', { tool_name: 'Agent', tool_input: taskC, tool_use_id: 'toolu_C' }),
  };
  yield {
    label: 'billing PostToolUse Agent',
    payload: s2('PostToolUse', {
      tool_name: 'Agent',
      tool_input: taskC,
      tool_response: { content: [{ type: 'text', text: 'Here is a plan with three steps for idempotency keys.' }] },
      tool_use_id: 'toolu_C',
    }),
  };
  yield {
    label: 'billing PostToolUseFailure Read',
    payload: s2('PostToolUseFailure', {
      tool_name: 'Read',
      tool_input: { file_path: `${billing}/src/payments/stripe.ts` },
      tool_use_id: 'toolu_R2',
      error: `File does not exist: ${billing}/src/payments/stripe.ts`,
    }),
  };
  yield { label: 'billing SessionEnd', payload: s2('SessionEnd', { reason: 'clear' }) };

  // Two days later in the shop: the same problem phrased as its symptom.
  const s3 = (name, fields) => event('sess-shop-2', shop, name, fields);
  yield { label: 'later SessionStart', at: 2 * day, payload: s3('SessionStart', { source: 'startup' }) };
  yield {
    label: 'later UserPromptSubmit symptom',
    payload: s3('UserPromptSubmit', {
      prompt: 'applying the orders migration with psql errors out saying it cannot run inside a transaction block',
    }),
  };
  const taskD = {
    description: 'Apply the migration',
    prompt: 'apply migrations/0042_orders_index.sql with psql',
    subagent_type: 'general-purpose',
  };
  yield {
    label: 'later PreToolUse Task',
    payload: s3('PreToolUse', { tool_name: 'Task', tool_input: taskD, tool_use_id: 'toolu_D' }),
  };
  yield {
    label: 'later PostToolUse Task unclear',
    payload: s3('PostToolUse', {
      tool_name: 'Task',
      tool_input: taskD,
      tool_response: { content: [{ type: 'text', text: 'I looked at the migration file.' }] },
      tool_use_id: 'toolu_D',
    }),
  };
  yield { label: 'later SessionEnd', payload: s3('SessionEnd', { reason: 'logout' }) };

  // Outside any project, and forty days on (the daily lifecycle pass decays what went unused).
  const outside = (name, fields) => event('sess-outside', `${shop}/../outside`, name, fields);
  yield { label: 'outside SessionStart', at: 2 * day + hour, payload: outside('SessionStart', { source: 'startup' }) };
  yield { label: 'outside UserPromptSubmit', payload: outside('UserPromptSubmit', { prompt: task('t01') }) };
  const s4 = (name, fields) => event('sess-shop-3', shop, name, fields);
  yield { label: 'forty days SessionStart', at: 40 * day, payload: s4('SessionStart', { source: 'resume' }) };
  yield { label: 'forty days UserPromptSubmit', payload: s4('UserPromptSubmit', { prompt: task('t10') }) };
  yield { label: 'forty days SessionEnd', payload: s4('SessionEnd', { reason: 'other' }) };

  // What a hook must shrug off, or make sense of (`odd`: run after the knowledge is compared).
  yield { odd: true, label: 'junk: not JSON', payload: '{"session_id": ' };
  yield { odd: true, label: 'junk: unknown event', payload: event('sess-x', shop, 'Notification', { message: 'hi' }) };
  yield {
    odd: true,
    label: 'junk: no session',
    payload: { hook_event_name: 'UserPromptSubmit', prompt: 'x', cwd: shop },
  };
  yield { odd: true, label: 'junk: toString', payload: event('sess-x', shop, 'toString', {}) };
  yield {
    odd: true,
    label: 'junk: relative cwd',
    payload: event('sess-y', 'shop', 'UserPromptSubmit', { prompt: task('t02') }),
  };
}
