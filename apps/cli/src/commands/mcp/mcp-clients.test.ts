import { describe, expect, it } from 'vitest';
import { mcpClients, projectConfigFiles, userConfigFile } from './mcp-clients.js';

const linux = { platform: 'linux' as const, env: {}, homedir: '/home/me' };
const mac = { platform: 'darwin' as const, env: {}, homedir: '/Users/me' };
const windows = {
  platform: 'win32' as const,
  env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' },
  homedir: 'C:\\Users\\me',
};

describe('userConfigFile', () => {
  it('puts each client’s user file where the client reads it, per platform', () => {
    const table = Object.fromEntries(
      mcpClients.map((client) => [client, [linux, mac, windows].map((place) => userConfigFile(client, place))]),
    );
    expect(table).toEqual({
      'claude-code': ['/home/me/.claude.json', '/Users/me/.claude.json', 'C:\\Users\\me\\.claude.json'],
      cursor: ['/home/me/.cursor/mcp.json', '/Users/me/.cursor/mcp.json', 'C:\\Users\\me\\.cursor\\mcp.json'],
      vscode: [
        '/home/me/.config/Code/User/mcp.json',
        '/Users/me/Library/Application Support/Code/User/mcp.json',
        'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\mcp.json',
      ],
      codex: ['/home/me/.codex/config.toml', '/Users/me/.codex/config.toml', 'C:\\Users\\me\\.codex\\config.toml'],
      'claude-desktop': [
        '/home/me/.config/Claude/claude_desktop_config.json',
        '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
        'C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
      ],
    });
  });

  it('follows CLAUDE_CONFIG_DIR, CODEX_HOME and XDG_CONFIG_HOME, ignoring empty or relative values', () => {
    const env = { CLAUDE_CONFIG_DIR: '/c', CODEX_HOME: '/x', XDG_CONFIG_HOME: '/xdg' };
    const place = { ...linux, env };
    expect(userConfigFile('claude-code', place)).toBe('/c/.claude.json');
    expect(userConfigFile('codex', place)).toBe('/x/config.toml');
    expect(userConfigFile('vscode', place)).toBe('/xdg/Code/User/mcp.json');
    expect(userConfigFile('claude-desktop', place)).toBe('/xdg/Claude/claude_desktop_config.json');
    const odd = { ...linux, env: { CODEX_HOME: ' ', XDG_CONFIG_HOME: 'rel' } };
    expect(userConfigFile('codex', odd)).toBe('/home/me/.codex/config.toml');
    expect(userConfigFile('vscode', odd)).toBe('/home/me/.config/Code/User/mcp.json');
    expect(userConfigFile('vscode', { ...windows, env: {} })).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\mcp.json',
    );
  });

  it('has project files for every client but Claude Desktop', () => {
    expect(projectConfigFiles).toEqual({
      'claude-code': '.mcp.json',
      cursor: '.cursor/mcp.json',
      vscode: '.vscode/mcp.json',
      codex: '.codex/config.toml',
      'claude-desktop': null,
    });
  });
});
