import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

// Realistic-looking values assembled at run time, so the source file itself trips no secret scanner.
const githubToken = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
const jwt = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
].join('.');

/** Asserts that each input comes back unchanged with no redactions. */
function expectUntouched(inputs: string[]) {
  for (const input of inputs) {
    expect(redactSecrets(input), input).toEqual({ text: input, redactions: {} });
  }
}

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

describe('private-key', () => {
  it('redacts a whole PEM block and keeps what follows', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nx9Yz\n-----END RSA PRIVATE KEY-----';
    expect(redactSecrets(`key:\n${pem}\nnext line`)).toEqual({
      text: 'key:\n[REDACTED:private-key]\nnext line',
      redactions: { 'private-key': 1 },
    });
    const openssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----';
    expect(redactSecrets(openssh).text).toBe('[REDACTED:private-key]');
    expect(redactSecrets('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----').text).toBe(
      '[REDACTED:private-key]',
    );
  });

  it('redacts an unterminated BEGIN to the end of the text', () => {
    expect(redactSecrets('cat id_rsa\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nmore').text).toBe(
      'cat id_rsa\n[REDACTED:private-key]',
    );
  });

  it('leaves public keys, certificates and prose alone', () => {
    expectUntouched([
      '-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----',
      '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----',
      'Store the private key in the vault, never in the repo.',
    ]);
  });
});

describe('jwt', () => {
  it('redacts three base64url segments whose first two start with eyJ', () => {
    expect(redactSecrets(`token ${jwt} end`)).toEqual({
      text: 'token [REDACTED:jwt] end',
      redactions: { jwt: 1 },
    });
  });

  it('wins over bearer, so an Authorization header shows the kind of token it held', () => {
    expect(redactSecrets(`Authorization: Bearer ${jwt}`)).toEqual({
      text: 'Authorization: Bearer [REDACTED:jwt]',
      redactions: { jwt: 1 },
    });
  });

  it('leaves look-alikes alone', () => {
    expectUntouched([
      'eyJhbGciOiJIUzI1NiJ9 alone',
      'eyJhbGciOiJIUzI1NiJ9.notjson.sig',
      'theyJust.eyJoined.things',
      'package.json.eyJ',
    ]);
  });
});

describe('aws', () => {
  it('redacts access key ids with the known prefixes', () => {
    expect(redactSecrets('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE')).toEqual({
      text: 'AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key]',
      redactions: { 'aws-access-key': 1 },
    });
    expect(redactSecrets('role ASIAY34FZKBOKMUTVV7A used').text).toBe('role [REDACTED:aws-access-key] used');
  });

  it('redacts a 40-character secret after aws_secret_access_key in env, config and JSON forms', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    for (const [input, expected] of [
      [`AWS_SECRET_ACCESS_KEY=${secret}`, 'AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-key]'],
      [`aws_secret_access_key = ${secret}`, 'aws_secret_access_key = [REDACTED:aws-secret-key]'],
      [`"aws_secret_access_key": "${secret}"`, '"aws_secret_access_key": "[REDACTED:aws-secret-key]"'],
    ] as const) {
      expect(redactSecrets(input)).toEqual({ text: expected, redactions: { 'aws-secret-key': 1 } });
    }
  });

  it('leaves short or lower-case look-alikes, embedded prefixes and bare 40-character values alone', () => {
    expectUntouched([
      'AKIAEXAMPLE is too short',
      'akiaiosfodnn7example',
      'XAKIAIOSFODNN7EXAMPLEX',
      // A git SHA is 40 characters of base64-ish text too; only the key name makes it a secret.
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'Set aws_secret_access_key in ~/.aws/credentials',
    ]);
  });
});

describe('github-token and gitlab-token', () => {
  it('redacts classic and fine-grained GitHub tokens and GitLab personal tokens', () => {
    for (const prefix of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) {
      const token = `${prefix}_${'Z9y8X7w6V5'.repeat(4)}`;
      expect(redactSecrets(`GH_TOKEN=${token}`).text).toBe('GH_TOKEN=[REDACTED:github-token]');
    }
    const pat = `github_pat_11ABCDEFG0${'aB3_'.repeat(15)}`;
    expect(redactSecrets(`use ${pat} here`)).toEqual({
      text: 'use [REDACTED:github-token] here',
      redactions: { 'github-token': 1 },
    });
    expect(redactSecrets('glpat-xY9zAb3CdEf4GhIj5KlMn').text).toBe('[REDACTED:gitlab-token]');
  });

  it('leaves short prefixes, prose and embedded look-alikes alone', () => {
    expectUntouched([
      'ghp_short',
      'the ghp_ prefix marks a personal token',
      `xghp_${'a1B2c3D4e5'.repeat(4)}`,
      'github_pat_ tokens are fine-grained',
      'glpat-short',
    ]);
  });
});

describe('api-key', () => {
  it('redacts OpenAI, OpenAI project, Anthropic and Stripe secret keys', () => {
    for (const key of [
      `sk-${'Ab12Cd34Ef'.repeat(5)}`,
      `sk-proj-${'Ab1_Cd2-Ef'.repeat(8)}`,
      `sk-ant-api03-${'xY7-zW8_vU'.repeat(9)}`,
      `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
    ]) {
      expect(redactSecrets(`OPENAI_API_KEY=${key}`), key).toEqual({
        text: 'OPENAI_API_KEY=[REDACTED:api-key]',
        redactions: { 'api-key': 1 },
      });
    }
    expect(redactSecrets(`"x-api-key": "sk-ant-api03-${'a1'.repeat(20)}"`).text).toBe(
      '"x-api-key": "[REDACTED:api-key]"',
    );
  });

  it('needs a word boundary before sk, 20 characters after the prefix, and a digit', () => {
    expectUntouched([
      `task-${'Ab12Cd34Ef'.repeat(3)}`,
      `disk-${'Ab12Cd34Ef'.repeat(3)}`,
      `ask-${'Ab12Cd34Ef'.repeat(3)}`,
      'sk-1234567890',
      'sk-learn-is-a-python-machine-learning-library',
      'the sk- prefix',
    ]);
  });
});

describe('slack-token and google-api-key', () => {
  it('redacts Slack tokens and Google API keys', () => {
    expect(redactSecrets('SLACK_BOT_TOKEN=xoxb-2048736461-1234567890123-AbCdEfGhIjKlMnOpQrSt').text).toBe(
      'SLACK_BOT_TOKEN=[REDACTED:slack-token]',
    );
    expect(redactSecrets('xoxp-1234567890-abcdefghij').redactions).toEqual({ 'slack-token': 1 });
    expect(redactSecrets('key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&q=1')).toEqual({
      text: 'key=[REDACTED:google-api-key]&q=1',
      redactions: { 'google-api-key': 1 },
    });
  });

  it('leaves look-alikes alone', () => {
    expectUntouched(['xoxo-hugs-and-kisses-from-me', 'xoxb-', 'AIzaShort', 'AIza is the prefix of Google keys']);
  });
});

describe('connection-string', () => {
  it('redacts only the password in URLs of any scheme', () => {
    for (const [input, expected] of [
      ['postgres://user:pass@host:5432/db', 'postgres://user:[REDACTED:connection-string]@host:5432/db'],
      [
        'mongodb+srv://admin:s3cr%40t@cluster0.mongodb.net',
        'mongodb+srv://admin:[REDACTED:connection-string]@cluster0.mongodb.net',
      ],
      ['REDIS_URL=redis://:hunter2@localhost:6379', 'REDIS_URL=redis://:[REDACTED:connection-string]@localhost:6379'],
      [
        'git clone https://bob:tok3n@example.com/r.git',
        'git clone https://bob:[REDACTED:connection-string]@example.com/r.git',
      ],
    ] as const) {
      expect(redactSecrets(input)).toEqual({ text: expected, redactions: { 'connection-string': 1 } });
    }
  });

  it('leaves URLs without credentials, ports, ssh remotes and file paths alone', () => {
    expectUntouched([
      'http://localhost:3000/path',
      'https://example.com:8443/a@b',
      'postgres://user@host/db',
      'git@github.com:org/repo.git',
      'ssh://git@github.com:22/org/repo',
      'C:/Users/me/file.ts',
      '/usr/local/bin:/usr/bin',
    ]);
  });
});

describe('bearer', () => {
  it('keeps the word Bearer and redacts the token', () => {
    expect(redactSecrets('Authorization: Bearer 8f2a9c1e7b3d4f6a0c5e')).toEqual({
      text: 'Authorization: Bearer [REDACTED:bearer]',
      redactions: { bearer: 1 },
    });
    expect(redactSecrets("curl -H 'Bearer abcDEF123456ghiJKL789/+='").text).toBe("curl -H 'Bearer [REDACTED:bearer]'");
  });

  it('leaves short tokens and prose alone', () => {
    expectUntouched([
      'Bearer abc123',
      'Use Bearer authentication for the API',
      'the bearer authentication-scheme is standard',
      'Authorization: Bearer <token>',
    ]);
  });
});

describe('assignment', () => {
  it('redacts values in env, shell, JSON, YAML and config forms and keeps the key', () => {
    for (const [input, expected] of [
      ['DB_PASSWORD=hunter2', 'DB_PASSWORD=[REDACTED:assignment]'],
      ['export API_KEY="abc 123 xyz"', 'export API_KEY="[REDACTED:assignment]"'],
      ['{"password": "hunter2", "user": "bob"}', '{"password": "[REDACTED:assignment]", "user": "bob"}'],
      ["  client_secret: 'QeX9-vBn'", "  client_secret: '[REDACTED:assignment]'"],
      ['passwd: letmein', 'passwd: [REDACTED:assignment]'],
      ['pwd=Tr0ub4dor', 'pwd=[REDACTED:assignment]'],
      ['secret = abc123', 'secret = [REDACTED:assignment]'],
      ['apikey:abc123', 'apikey:[REDACTED:assignment]'],
      ['https://x.io/cb?access_token=abc123&state=1', 'https://x.io/cb?access_token=[REDACTED:assignment]&state=1'],
      ['auth_token: t0k3n', 'auth_token: [REDACTED:assignment]'],
      ['token=abc123', 'token=[REDACTED:assignment]'],
      ['SECRET_KEY = "django-insecure-x"', 'SECRET_KEY = "[REDACTED:assignment]"'],
      ['mysql --password=hunter2 -u root', 'mysql --password=[REDACTED:assignment] -u root'],
      ['mysql --password hunter2 -u root', 'mysql --password [REDACTED:assignment] -u root'],
      ['deploy --api-key "My Key 1"', 'deploy --api-key "[REDACTED:assignment]"'],
    ] as const) {
      expect(redactSecrets(input), input).toEqual({ text: expected, redactions: { assignment: 1 } });
    }
  });

  it('leaves prose, placeholders, references and non-secret keys alone', () => {
    expectUntouched([
      'Reset the password and try again.',
      'The password is required.',
      'Enter your password:',
      'passwords: 3',
      'passwordless: true',
      'max_tokens: 4096',
      'tokens=5 tokenizer=o200k',
      'token_count: 12',
      'password: null',
      'password=""',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable reference is the input
      'password: ${DB_PASSWORD}',
      'token: {{ secrets.GITHUB_TOKEN }}',
      'password: <your-password>',
      'password: ********',
      'token = getToken()',
      'api_key = process.env.API_KEY',
      'PWD=/home/me/project OLDPWD=/tmp',
      'docker login --password-stdin',
      'never pass --password on the command line',
    ]);
  });

  it('does not redact a value twice', () => {
    expect(redactSecrets(`GITHUB_TOKEN=${githubToken}`)).toEqual({
      text: 'GITHUB_TOKEN=[REDACTED:github-token]',
      redactions: { 'github-token': 1 },
    });
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
