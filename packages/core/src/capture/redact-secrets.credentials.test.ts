import { describe, expect, it } from 'vitest';
import { expectRedactedOnce, expectUntouched, githubToken } from '../../test/support/secret-samples.js';
import { redactSecrets } from './redact-secrets.js';

describe('connection-string', () => {
  it('redacts only the password in URLs of any scheme', () => {
    expectRedactedOnce('connection-string', [
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
    ]);
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
    expectRedactedOnce('assignment', [
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
    ]);
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
