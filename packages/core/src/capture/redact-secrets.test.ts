import { describe, expect, it } from 'vitest';
import { expectUntouched, githubToken } from '../../test/support/secret-samples.js';
import { redactSecrets } from './redact-secrets.js';

describe('private spans', () => {
  it('removes <private> spans entirely, case-insensitively and across lines', () => {
    expect(redactSecrets('keep <private>my\nhome address</private> this')).toEqual({
      text: 'keep  this',
      redactions: { private: 1 },
    });
    expect(redactSecrets('a <PRIVATE>x</Private> b <private>y</private> c').text).toBe('a  b  c');
    expect(redactSecrets('a <PRIVATE>x</Private> b <private>y</private> c').redactions).toEqual({ private: 2 });
  });

  it('drops everything after an unclosed <private>', () => {
    expect(redactSecrets('visible <private>secret\nstill secret')).toEqual({
      text: 'visible ',
      redactions: { private: 1 },
    });
  });

  it('runs before the secret rules, so private content is never counted as a secret', () => {
    expect(redactSecrets(`<private>${githubToken}</private>`).redactions).toEqual({ private: 1 });
  });

  it('leaves mentions of the tag name alone', () => {
    expectUntouched(['private fields', 'a </private> stray closer', '<privateer>']);
  });
});

describe('redactSecrets', () => {
  it('leaves ordinary text, SHAs, UUIDs and paths alone', () => {
    expectUntouched([
      'Refactored the auth module; all tests pass.',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (HEAD -> main)',
      'id 123e4567-e89b-12d3-a456-426614174000',
      '/home/me/.ssh/id_rsa and C:\\Users\\me\\secrets.txt',
      'packages/core/src/capture/redact-secrets.ts:42',
      'The secret to good caching is invalidation.',
      '',
    ]);
  });

  it('counts each kind and is idempotent', () => {
    const input = `a=${githubToken} b=${githubToken} <private>x</private> postgres://u:p@h`;
    const once = redactSecrets(input);
    expect(once.redactions).toEqual({ 'github-token': 2, private: 1, 'connection-string': 1 });
    expect(redactSecrets(once.text)).toEqual({ text: once.text, redactions: {} });
  });

  it('finishes on 1 MB adversarial inputs (no catastrophic backtracking)', () => {
    const megabyte = 1_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(megabyte / unit.length));
    for (const unit of [
      'a',
      '-----BEGIN ',
      'eyJ-',
      'eyJaaaaa.',
      'sk-',
      'password=',
      '--password ',
      'password "',
      'a://',
      'a://x:',
      '<private>',
      'Bearer ',
      'aws_secret_access_key=',
      `password${'_'.repeat(60)}`,
      'x-',
    ]) {
      const result = redactSecrets(fill(unit));
      expect(typeof result.text).toBe('string');
    }
  });
});
