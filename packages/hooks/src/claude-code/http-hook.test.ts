import { describe, expect, it } from 'vitest';
import {
  defaultElfHookUrl,
  elfHttpHandler,
  elfServerBase,
  isElfHookUrl,
  isLoopbackUrl,
  parseElfHookUrl,
} from './http-hook.js';

const refused = (text: string) => {
  try {
    parseElfHookUrl(text);
  } catch (error) {
    return { message: (error as Error).message, field: (error as { field?: string }).field };
  }
  throw new Error(`accepted ${text}`);
};

describe('parseElfHookUrl', () => {
  it('accepts http(s) URLs on the hook route and completes a bare origin', () => {
    expect(parseElfHookUrl(defaultElfHookUrl)).toBe('http://127.0.0.1:4747/hooks/claude-code');
    expect(parseElfHookUrl('http://localhost:5000')).toBe('http://localhost:5000/hooks/claude-code');
    expect(parseElfHookUrl('https://elf.example.com/')).toBe('https://elf.example.com/hooks/claude-code');
    expect(parseElfHookUrl(' https://proxy.lan/elf/hooks/claude-code/ ')).toBe(
      'https://proxy.lan/elf/hooks/claude-code/',
    );
  });

  it('refuses anything else with one line naming the url', () => {
    for (const [text, why] of [
      ['127.0.0.1:4747', /url: "127\.0\.0\.1:4747" is not a URL/],
      ['localhost:4747', /url: must be an http:\/\/ or https:\/\/ URL/],
      ['not a url', /url: "not a url" is not a URL; give one like http:\/\/127\.0\.0\.1:4747\/hooks\/claude-code/],
      ['ftp://127.0.0.1/hooks/claude-code', /url: must be an http/],
      ['http://me:secret@host/hooks/claude-code', /url: must not hold credentials/],
      ['http://127.0.0.1:4747/api/meta', /url: must end with \/hooks\/claude-code/],
      ['http://127.0.0.1:4747/hooks/claude-code#x', /url: must not have a #fragment/],
    ] as const) {
      const error = refused(text);
      expect(error.message).toMatch(why);
      expect(error.message).not.toContain('\n');
      expect(error.field).toBe('url');
    }
  });
});

describe('recognising ELF’s http handlers and servers', () => {
  it('knows the route whatever the host, and nothing else', () => {
    expect(isElfHookUrl('http://127.0.0.1:4747/hooks/claude-code')).toBe(true);
    expect(isElfHookUrl('https://proxy.lan/elf/hooks/claude-code/')).toBe(true);
    expect(isElfHookUrl('http://127.0.0.1:4747/my-hooks/claude-code-x')).toBe(false);
    expect(isElfHookUrl('http://127.0.0.1:4747/xhooks/claude-code')).toBe(false);
    expect(isElfHookUrl('file:///hooks/claude-code')).toBe(false);
    expect(isElfHookUrl('nope')).toBe(false);
    expect(isElfHookUrl(undefined)).toBe(false);
  });

  it('tells loopback from the rest', () => {
    for (const url of ['http://127.0.0.1:4747/x', 'http://localhost/x', 'http://[::1]:4747/x', 'http://127.1.2.3/x'])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ['http://192.168.1.5:4747/x', 'https://elf.example.com/x', 'http://127.0.0.1.nip.io/x'])
      expect(isLoopbackUrl(url), url).toBe(false);
  });

  it('finds the server’s base for /api/meta, behind a proxy prefix too', () => {
    expect(elfServerBase('http://127.0.0.1:4747/hooks/claude-code')).toBe('http://127.0.0.1:4747');
    expect(elfServerBase('https://proxy.lan/elf/hooks/claude-code/?a=1')).toBe('https://proxy.lan/elf');
  });

  it('writes the token as an allowed variable, never as a value', () => {
    expect(elfHttpHandler({ url: 'http://127.0.0.1:4747/hooks/claude-code', token: false }, 10)).toEqual({
      type: 'http',
      url: 'http://127.0.0.1:4747/hooks/claude-code',
      timeout: 10,
    });
    expect(elfHttpHandler({ url: 'https://elf.lan/hooks/claude-code', token: true }, 10)).toMatchObject({
      headers: { Authorization: 'Bearer $ELF_SERVER_TOKEN' },
      allowedEnvVars: ['ELF_SERVER_TOKEN'],
    });
  });
});
