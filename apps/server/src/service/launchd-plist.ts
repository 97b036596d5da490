import { join } from 'node:path';
import type { ServiceSpec } from './service-spec.js';

// The launchd agent: text in, text out, no OS. RunAtLoad starts it at login; KeepAlive with
// SuccessfulExit=false restarts it when it fails and leaves it stopped when it was stopped on
// purpose (systemd's Restart=on-failure). launchd has no journal: output goes to ELF's logs.

export const agentLabel = 'dev.elf.server';

/** Inside an XML comment, so it holds no `--`; uninstall removes only a file that has it. */
export const plistMarker = 'Written by `elf-server service install`; `elf-server service uninstall` removes it.';

export function plistPath(homedir: string): string {
  return join(homedir, 'Library', 'LaunchAgents', `${agentLabel}.plist`);
}

/**
 * Where launchd writes what the server prints (its start line; its troubles, which it also logs
 * to server.log beside it, rotated). The folder must exist before launchd opens the file.
 */
export function logPath(spec: ServiceSpec): string {
  return join(spec.home, 'logs', 'service.log');
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const string = (value: string, indent: string) => `${indent}<string>${xml(value)}</string>`;

export function launchdPlist(spec: ServiceSpec): string {
  const env = Object.entries(spec.env);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    `<!-- ${plistMarker} -->`,
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    string(agentLabel, '  '),
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...spec.program.map((arg) => string(arg, '    ')),
    '  </array>',
    ...(env.length > 0
      ? [
          '  <key>EnvironmentVariables</key>',
          '  <dict>',
          ...env.flatMap(([k, v]) => [`    <key>${xml(k)}</key>`, string(v, '    ')]),
          '  </dict>',
        ]
      : []),
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '  <key>ProcessType</key>',
    string('Background', '  '),
    '  <key>StandardOutPath</key>',
    string(logPath(spec), '  '),
    '  <key>StandardErrorPath</key>',
    string(logPath(spec), '  '),
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
