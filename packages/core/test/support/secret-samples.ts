import { expect } from 'vitest';
import { redactSecrets } from '../../src/capture/redact-secrets.js';

// Realistic-looking values assembled at run time, so the source file itself trips no secret scanner.
export const githubToken = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
export const jwt = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
].join('.');

/** Asserts that each input comes back unchanged with no redactions. */
export function expectUntouched(inputs: string[]) {
  for (const input of inputs) {
    expect(redactSecrets(input), input).toEqual({ text: input, redactions: {} });
  }
}

/** Asserts that each input comes back as expected, with exactly one redaction, of `kind`. */
export function expectRedactedOnce(kind: string, cases: ReadonlyArray<readonly [input: string, expected: string]>) {
  for (const [input, expected] of cases) {
    expect(redactSecrets(input), input).toEqual({ text: expected, redactions: { [kind]: 1 } });
  }
}
