import { describe, expect, it } from 'vitest';
import { apiBodyLimit } from '../src/app.js';
import { testServer } from './support/test-server.js';

async function counts(t: Awaited<ReturnType<typeof testServer>>) {
  const s = await t.elf.statistics();
  return [s.total_heuristics, s.total_learnings, s.golden_heuristics];
}

describe('bad input and unwelcome callers get the right 4xx and change nothing', () => {
  it.each([
    [
      'malformed JSON',
      { method: 'POST', body: '{"type": "failure",', headers: { 'content-type': 'application/json' } },
      '/api/learnings',
      400,
      'INVALID_INPUT',
    ],
    [
      'a form post',
      {
        method: 'POST',
        body: 'type=failure&title=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      '/api/learnings',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an oversized body',
      {
        method: 'POST',
        body: JSON.stringify({ type: 'failure', title: 'x'.repeat(apiBodyLimit) }),
        headers: { 'content-type': 'application/json' },
      },
      '/api/learnings',
      413,
      'TOO_LARGE',
    ],
    [
      'an invalid field',
      {
        method: 'POST',
        body: JSON.stringify({ type: 'failure', domain: 'Not A Domain!', title: 'x' }),
        headers: { 'content-type': 'application/json' },
      },
      '/api/learnings',
      400,
      'INVALID_INPUT',
    ],
    [
      'an unknown route',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
      '/api/nothing-here',
      404,
      'NOT_FOUND',
    ],
    [
      'an unknown id',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
      '/api/heuristics/9999/promote',
      404,
      'NOT_FOUND',
    ],
    [
      'a bad id',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
      '/api/heuristics/abc/promote',
      400,
      'INVALID_INPUT',
    ],
    [
      'a cross-origin POST',
      {
        method: 'POST',
        body: '{"type":"failure","domain":"general","title":"x"}',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      },
      '/api/learnings',
      403,
      'FORBIDDEN',
    ],
    [
      'a cross-site fetch',
      {
        method: 'POST',
        body: '{"type":"failure","domain":"general","title":"x"}',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      },
      '/api/learnings',
      403,
      'FORBIDDEN',
    ],
    [
      'a DNS-rebinding Host',
      {
        method: 'POST',
        body: '{"type":"failure","domain":"general","title":"x"}',
        headers: { 'content-type': 'application/json', host: 'evil.example:4747' },
      },
      '/api/learnings',
      403,
      'FORBIDDEN',
    ],
  ])('%s', async (_name, init, path, status, code) => {
    const t = await testServer();
    const before = await counts(t);
    const r = await t.request(path, init as RequestInit);
    expect(r.status).toBe(status);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/\n|at \w+ \(|node_modules/);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a rebinding Host even for reads, and a foreign Origin reading the API', async () => {
    const t = await testServer();
    expect((await t.request('/api/stats', { headers: { host: 'attacker.test' } })).status).toBe(403);
    expect((await t.request('/api/stats', { headers: { origin: 'http://attacker.test' } })).status).toBe(403);
    expect((await t.request('/api/stats', { headers: { origin: 'http://127.0.0.1:4747' } })).status).toBe(200);
    expect((await t.request('/api/stats', { headers: { host: 'localhost:4747' } })).status).toBe(200);
  });

  it('lets the dashboard (same origin) and a local program (no Origin) change things on loopback', async () => {
    const t = await testServer();
    const page = await t.request('/api/learnings', {
      json: { type: 'observation', domain: 'general', title: 'from the page' },
      headers: { origin: 'http://127.0.0.1:4747', 'sec-fetch-site': 'same-origin' },
    });
    expect(page.status).toBe(201);
    expect(
      (await t.request('/api/learnings', { json: { type: 'observation', domain: 'general', title: 'from curl' } }))
        .status,
    ).toBe(201);
  });

  it('off loopback, wants the token (0600 under ELF_HOME) on every request, and no stack trace ever', async () => {
    const t = await testServer({ host: '0.0.0.0' });
    const token = t.context.token as string;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const { statSync, readFileSync } = await import('node:fs');
    const file = `${t.home}/server-token`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    const before = await counts(t);
    expect((await t.request('/api/stats')).status).toBe(401);
    expect((await t.request('/api/stats', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const wrong = await t.request('/api/learnings', {
      json: { type: 'failure', title: 'x' },
      headers: { authorization: `Bearer ${'0'.repeat(64)}` },
    });
    expect(wrong.status).toBe(401);
    expect(await counts(t)).toEqual(before);
    expect((await t.request('/api/stats', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // The dashboard link: ?token= sets an HttpOnly, SameSite=Strict cookie and drops the token from the address.
    const link = await t.request(`/?token=${token}`);
    expect(link.status).toBe(303);
    const cookie = link.headers.get('set-cookie') as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const withCookie = await t.request('/api/stats', { headers: { cookie: cookie.split(';')[0] as string } });
    expect(withCookie.status).toBe(200);
  });

  it('sends a strict CSP and security headers with every answer, errors included', async () => {
    const t = await testServer();
    for (const path of ['/api/stats', '/api/nothing', '/']) {
      const r = await t.request(path);
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('an error inside a route is INTERNAL with no stack trace; the log has the detail', async () => {
    const t = await testServer();
    await t.elf.close();
    const r = await t.request('/api/heuristics');
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect(t.lines.length).toBeGreaterThan(0);
  });
});
