import { parseInput } from '@elf/core';
import { ElfError } from '@elf/schema';
import * as v from 'valibot';

// The repeat-mistake corpus (bench/repeat-mistakes/FORMAT.md): scenarios of agent sessions, each a
// list of events the runner turns into Claude Code hook payloads (or a person's CLI command).

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const relevant = v.optional(v.literal(true));

const promptEvent = v.strictObject({ prompt: text(4000), relevant });
const taskEvent = v.strictObject({
  task: v.strictObject({ agent: text(100), description: text(200), prompt: text(4000) }),
  result: text(8000),
  relevant,
});
const toolInput = v.record(v.string(), v.unknown());
const toolSuccess = v.strictObject({ tool: text(100), input: toolInput, output: v.string() });
const toolFailure = v.strictObject({ tool: text(100), input: toolInput, error: text(8000) });
const recordEvent = v.strictObject({ record: v.pipe(v.array(text(4000)), v.minLength(2, 'needs a kind and flags')) });
const violateEvent = v.strictObject({ violate: text(1000) });

const event = v.union(
  [promptEvent, taskEvent, toolSuccess, toolFailure, recordEvent, violateEvent],
  'must be one of: { prompt }, { task, result }, { tool, input, output }, { tool, input, error }, { record }, { violate }',
);

export const sessionRoles = ['learn', 'recall', 'control', 'violate', 'after'] as const;
export const variations = ['other-file', 'symptom', 'other-subagent', 'other-repo'] as const;

const session = v.strictObject({
  role: v.picklist(sessionRoles),
  repo: v.pipe(text(60), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case name')),
  events: v.pipe(v.array(event), v.minLength(1, 'must not be empty')),
});

const scenario = v.pipe(
  v.strictObject({
    id: v.pipe(text(80), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case')),
    domain: v.pipe(text(60), v.regex(/^[a-z0-9._-]+$/, 'must be a domain name')),
    type: v.picklist(['repeat', 'wrong']),
    learnedBy: v.picklist(['failure', 'marker', 'record']),
    lessonKind: v.picklist(['heuristic', 'failure']),
    variation: v.pipe(v.array(v.picklist(variations)), v.minLength(1, 'must name at least one')),
    sessions: v.pipe(v.array(session), v.minLength(2, 'needs a learn session and a later one')),
  }),
  v.check((s) => s.sessions[0]?.role === 'learn', 'sessions: the first session must be a learn session'),
  v.check(
    (s) => s.sessions.every((x) => x.events.some((e) => 'prompt' in e)),
    'sessions: every session needs at least one prompt',
  ),
  v.check(
    (s) => s.type === 'repeat' || s.lessonKind === 'heuristic',
    'lessonKind: a wrong lesson must be a heuristic (only heuristics are violated)',
  ),
  v.check(
    (s) => (s.type === 'wrong') === s.sessions.some((x) => x.role === 'violate' || x.role === 'after'),
    'sessions: violate and after sessions belong to wrong scenarios, and every wrong scenario has them',
  ),
);

const corpusFile = v.strictObject({ domain: text(60), scenarios: v.pipe(v.array(scenario), v.minLength(1)) });

export type Scenario = v.InferOutput<typeof scenario>;
export type ScenarioSession = Scenario['sessions'][number];
export type ScenarioEvent = ScenarioSession['events'][number];
export type SessionRole = (typeof sessionRoles)[number];

/** One corpus file's scenarios, validated: a bad field is an INVALID_INPUT naming `<file>: <path>`. */
export function parseScenarioFile(name: string, json: unknown): Scenario[] {
  try {
    return parseInput(corpusFile, json).scenarios;
  } catch (error) {
    if (!(error instanceof ElfError)) throw error;
    throw new ElfError('INVALID_INPUT', `${name}: ${error.message}`, error.field ? { field: error.field } : {});
  }
}
