import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets on generated text', () => {
  // Fragments that combine into secrets, near-misses and the seams between them.
  const fragment = fc.constantFrom(
    'password',
    'token',
    '=',
    ': ',
    '"',
    "'",
    ' ',
    '\n',
    '--',
    '-',
    '_',
    '@',
    '://',
    'postgres',
    'u:p',
    'Bearer ',
    'AKIA',
    'IOSFODNN7EXAMPLE',
    'ghp_',
    'a1B2c3D4e5'.repeat(4),
    'sk-',
    'eyJ',
    'abcd1234',
    '.',
    '<private>',
    '</private>',
    '-----BEGIN RSA PRIVATE KEY-----',
    '-----END RSA PRIVATE KEY-----',
    '[REDACTED:jwt]',
  );

  it('never throws, leaves no private span, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join('')),
        (input) => {
          const once = redactSecrets(input);
          expect(once.text).not.toContain('<private>');
          expect(redactSecrets(once.text).text).toBe(once.text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        expect(typeof redactSecrets(input).text).toBe('string');
      }),
    );
  });
});
