import { posix, win32 } from 'node:path';

// Where each MCP client reads its servers, and in which shape. Every entry names what it was
// checked against; where a client's own program was at hand, what it wrote itself decided.

export const mcpClients = ['claude-code', 'cursor', 'vscode', 'codex', 'claude-desktop'] as const;
export type McpClient = (typeof mcpClients)[number];
export type McpScope = 'user' | 'project';

/**
 * User scope unless asked otherwise, for every client: the entry names this machine's node and
 * ELF (absolute paths) and ELF's database is yours, not the repository's, so it does not belong
 * in a file a team commits (.mcp.json, .cursor/, .vscode/); one install then serves every project.
 */
export const defaultScope: McpScope = 'user';

/** JSON files keep servers in one object (its key); Codex keeps them in TOML tables `[mcp_servers.NAME]`. */
export type ConfigFormat = { kind: 'json'; container: string; jsonc: boolean; stdioType: boolean } | { kind: 'toml' };

export interface ClientSpec {
  format: ConfigFormat;
  scopes: McpScope[];
  /** The program's own name, for messages. */
  title: string;
}

export const clientSpecs: Record<McpClient, ClientSpec> = {
  // Claude Code 2.1.328 (the pinned client): `claude mcp add --scope project|user` writes
  // {"mcpServers": {NAME: {"type": "stdio", "command", "args", "env": {}}}} to .mcp.json at the
  // project root, or to the top level of ~/.claude.json ($CLAUDE_CONFIG_DIR/.claude.json when set);
  // checked by running it. Docs: https://code.claude.com/docs/en/mcp ("MCP installation scopes").
  'claude-code': {
    title: 'Claude Code',
    format: { kind: 'json', container: 'mcpServers', jsonc: false, stdioType: true },
    scopes: ['user', 'project'],
  },
  // Cursor docs, "Configuration locations" (https://cursor.com/docs/mcp): .cursor/mcp.json in the
  // project, ~/.cursor/mcp.json for every project; {"mcpServers": {NAME: {command, args, env}}}.
  cursor: {
    title: 'Cursor',
    format: { kind: 'json', container: 'mcpServers', jsonc: false, stdioType: false },
    scopes: ['user', 'project'],
  },
  // VS Code, "MCP configuration reference" (code.visualstudio.com/docs/copilot/reference/mcp-configuration):
  // mcp.json in .vscode/ or in the user profile, servers under "servers", stdio ones with
  // "type": "stdio". VS Code reads it as JSON with comments, so comments are kept.
  vscode: {
    title: 'VS Code',
    format: { kind: 'json', container: 'servers', jsonc: true, stdioType: true },
    scopes: ['user', 'project'],
  },
  // Codex, "Configuration reference" (developers.openai.com/codex/config-reference): user config
  // in ~/.codex/config.toml ($CODEX_HOME when set: developers.openai.com/codex/environment-variables),
  // project overrides in .codex/config.toml, loaded only for trusted projects; servers as
  // [mcp_servers.NAME] tables with command and args (developers.openai.com/codex/mcp).
  codex: { title: 'Codex', format: { kind: 'toml' }, scopes: ['user', 'project'] },
  // modelcontextprotocol.io's user quickstart: claude_desktop_config.json under the app's folder
  // (macOS, Windows); {"mcpServers": {...}}. Claude Desktop has no per-project configuration.
  'claude-desktop': {
    title: 'Claude Desktop',
    format: { kind: 'json', container: 'mcpServers', jsonc: false, stdioType: false },
    scopes: ['user'],
  },
};

/** Everything a location depends on, so a platform's paths can be checked on another. */
export interface Place {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
}

/** Returns an absolute directory from the environment, ignoring empty or relative values. */
function envDir(place: Place, name: string): string | undefined {
  const value = place.env[name]?.trim();
  const path = place.platform === 'win32' ? win32 : posix;
  return value && path.isAbsolute(value) ? value : undefined;
}

/**
 * An application's folder under the platform's per-user configuration directory: %APPDATA% on
 * Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME (else ~/.config) elsewhere —
 * where VS Code (Code/User) and Claude Desktop (Claude) keep their settings.
 */
function appConfigDir(place: Place, app: string): string {
  if (place.platform === 'win32')
    return win32.join(envDir(place, 'APPDATA') ?? win32.join(place.homedir, 'AppData', 'Roaming'), app);
  if (place.platform === 'darwin') return posix.join(place.homedir, 'Library', 'Application Support', app);
  return posix.join(envDir(place, 'XDG_CONFIG_HOME') ?? posix.join(place.homedir, '.config'), app);
}

/** The user-scope file of a client. */
export function userConfigFile(client: McpClient, place: Place): string {
  const path = place.platform === 'win32' ? win32 : posix;
  switch (client) {
    case 'claude-code':
      return path.join(envDir(place, 'CLAUDE_CONFIG_DIR') ?? place.homedir, '.claude.json');
    case 'cursor':
      return path.join(place.homedir, '.cursor', 'mcp.json');
    case 'vscode':
      // The default profile's; another profile keeps its own under User/profiles/<id>/.
      return path.join(appConfigDir(place, 'Code'), 'User', 'mcp.json');
    case 'codex':
      return path.join(envDir(place, 'CODEX_HOME') ?? path.join(place.homedir, '.codex'), 'config.toml');
    case 'claude-desktop':
      // Linux has no official build; the community builds (claude-desktop-debian) and the MCP
      // Python SDK's installer use $XDG_CONFIG_HOME/Claude.
      return path.join(appConfigDir(place, 'Claude'), 'claude_desktop_config.json');
  }
}

/** The project-scope file of a client, relative to the project root (null: it has none). */
export const projectConfigFiles: Record<McpClient, string | null> = {
  'claude-code': '.mcp.json',
  cursor: '.cursor/mcp.json',
  vscode: '.vscode/mcp.json',
  codex: '.codex/config.toml',
  'claude-desktop': null,
};
