import { describe, expect, it } from 'vitest';
import { db, hook, payload, setup } from './support/hook-project.js';

describe('elf hook: secrets are never stored', () => {
  const secrets = {
    aws: 'AKIAIOSFODNN7EXAMPLE',
    github: 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB',
    gitlab: 'glpat-abcdefghij1234567890',
    openai: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
    anthropic: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789',
    slack: 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    google: 'AIzaSyA1234567890abcdefghijklmnopqrstuv',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAexamplekeymaterial\n-----END RSA PRIVATE KEY-----',
    bearer: 'Authorization: Bearer abcdef0123456789abcdef0123456789',
    password: 'password=hunter2hunter2',
    url: 'postgres://admin:s3cr3tP4ss@db.example.com:5432/app',
    private: '<private>my home address is 1 Infinite Loop</private>',
  };

  it('in failures, markers, trails and prompts, for every family', async () => {
    const p = setup();
    for (const [family, secret] of Object.entries(secrets)) {
      const failure = JSON.parse(payload(p, 'post-tool-use-failure.json'));
      failure.error = `Exit code 1 (${family}): request failed with ${secret}`;
      failure.tool_input.command = `curl -H "X-Token: ${family}" https://api.example.com --data '${secret.replace(/'/g, '')}'`;
      hook(p, JSON.stringify(failure));
      const task = JSON.parse(payload(p, 'post-tool-use-task.json'));
      task.tool_use_id = `toolu_${family}`;
      task.tool_response.content[0].text = `Task complete.\n[LEARNED:security] Never paste ${secret.split('\n')[0]} into a ${family} config`;
      hook(p, JSON.stringify(task));
      const bash = JSON.parse(payload(p, 'post-tool-use-bash.json'));
      bash.tool_input.command = `export TOKEN=${secret.split('\n')[0]} && deploy ${family}`;
      hook(p, JSON.stringify(bash));
      const prompt = JSON.parse(payload(p, 'user-prompt-submit.json'));
      prompt.prompt = `Use ${secret} for ${family} please`;
      hook(p, JSON.stringify(prompt));
    }
    const dump = await db(p, async (d) =>
      JSON.stringify([
        await d.selectFrom('learnings').selectAll().execute(),
        await d.selectFrom('heuristics').selectAll().execute(),
        await d.selectFrom('trails').selectAll().execute(),
        await d.selectFrom('session_summaries').selectAll().execute(),
        await d.selectFrom('building_queries').selectAll().execute(),
      ]),
    );
    // The part of each secret that must never be stored.
    const needles: Record<keyof typeof secrets, string> = {
      aws: 'AKIAIOSFODNN7EXAMPLE',
      github: secrets.github,
      gitlab: secrets.gitlab,
      openai: secrets.openai,
      anthropic: secrets.anthropic,
      slack: secrets.slack,
      google: secrets.google,
      jwt: 'dozjgNryP4J3jVmNHl0w5N',
      pem: 'examplekeymaterial',
      bearer: 'abcdef0123456789abcdef0123456789',
      password: 'hunter2hunter2',
      url: 's3cr3tP4ss',
      private: 'Infinite Loop',
    };
    const leaked = Object.entries(needles).filter(([, needle]) => dump.includes(needle));
    expect(leaked.map(([family]) => family)).toEqual([]);
    expect(dump).toContain('[REDACTED:');
  });
});
