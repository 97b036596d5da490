import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from './scenario.js';

const valid = {
  id: 'database-01-x',
  domain: 'database',
  type: 'repeat',
  learnedBy: 'marker',
  lessonKind: 'heuristic',
  variation: ['symptom'],
  sessions: [
    { role: 'learn', repo: 'shop', events: [{ prompt: 'p' }] },
    { role: 'recall', repo: 'shop', events: [{ prompt: 'q', relevant: true }] },
  ],
};
const file = (scenario: unknown) => ({ domain: 'database', scenarios: [scenario] });

describe('parseScenarioFile', () => {
  it('accepts a valid scenario', () => {
    expect(parseScenarioFile('db.json', file(valid))[0]?.id).toBe('database-01-x');
  });

  it.each([
    [{ ...valid, type: 'maybe' }, /^db\.json: scenarios\.0\.type: /],
    [{ ...valid, sessions: [valid.sessions[1], valid.sessions[0]] }, /first session must be a learn session/],
    [
      {
        ...valid,
        sessions: [
          valid.sessions[0],
          { role: 'recall', repo: 'shop', events: [{ tool: 'Bash', input: {}, output: '' }] },
        ],
      },
      /needs at least one prompt/,
    ],
    [
      { ...valid, sessions: [valid.sessions[0], { role: 'after', repo: 'shop', events: [{ prompt: 'x' }] }] },
      /violate and after sessions belong to wrong scenarios/,
    ],
    [{ ...valid, type: 'wrong', lessonKind: 'failure' }, /a wrong lesson must be a heuristic/],
    [
      { ...valid, sessions: [{ role: 'learn', repo: 'shop', events: [{ prompt: 'p', extra: 1 }] }, valid.sessions[1]] },
      /must be one of/,
    ],
  ])('names what is wrong (%#)', (scenario, message) => {
    expect(() => parseScenarioFile('db.json', file(scenario))).toThrow(message);
  });
});
