import { describe, expect, it } from 'vitest';
import { expectRedactedOnce, expectUntouched, jwt } from '../../test/support/secret-samples.js';
import { redactSecrets } from './redact-secrets.js';

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
    expectRedactedOnce('aws-secret-key', [
      [`AWS_SECRET_ACCESS_KEY=${secret}`, 'AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-key]'],
      [`aws_secret_access_key = ${secret}`, 'aws_secret_access_key = [REDACTED:aws-secret-key]'],
      [`"aws_secret_access_key": "${secret}"`, '"aws_secret_access_key": "[REDACTED:aws-secret-key]"'],
    ]);
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
    const keys = [
      `sk-${'Ab12Cd34Ef'.repeat(5)}`,
      `sk-proj-${'Ab1_Cd2-Ef'.repeat(8)}`,
      `sk-ant-api03-${'xY7-zW8_vU'.repeat(9)}`,
      `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
    ];
    expectRedactedOnce(
      'api-key',
      keys.map((key) => [`OPENAI_API_KEY=${key}`, 'OPENAI_API_KEY=[REDACTED:api-key]'] as const),
    );
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
