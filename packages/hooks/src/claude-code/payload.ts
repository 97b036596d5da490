// What Claude Code sends a hook (on a command's stdin, or as an HTTP hook's body; field names from
// Claude Code's hooks reference). Everything is read defensively: any field may be missing or of
// another type in another version.

export type Json = Record<string, unknown>;

export interface HookPayload {
  event: string;
  sessionId: string;
  cwd: string | null;
  transcriptPath: string | null;
  raw: Json;
}

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function str(value: unknown, key: string): string | null {
  if (!isObject(value)) return null;
  const field = value[key];
  return typeof field === 'string' && field.length > 0 ? field : null;
}

export function obj(value: unknown, key: string): Json | null {
  if (!isObject(value)) return null;
  const field = value[key];
  return isObject(field) ? field : null;
}

/** Parses the event; null when it is not an object with an event name and a session. */
export function parsePayload(text: string): HookPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const event = str(raw, 'hook_event_name');
  const sessionId = str(raw, 'session_id');
  if (!isObject(raw) || !event || !sessionId) return null;
  return {
    event,
    sessionId: sessionId.slice(0, 200),
    cwd: str(raw, 'cwd'),
    transcriptPath: str(raw, 'transcript_path'),
    raw,
  };
}

/** All the text in a tool response, however it is shaped (string, content parts, nested objects). */
export function textOf(value: unknown, limit = 200_000): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (v: unknown, depth: number) => {
    if (size >= limit || depth > 6) return;
    if (typeof v === 'string') {
      parts.push(v);
      size += v.length;
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
    } else if (isObject(v)) {
      for (const key of ['text', 'content', 'result', 'output', 'stdout', 'stderr', 'error', 'message']) {
        if (key in v) walk(v[key], depth + 1);
      }
    }
  };
  walk(value, 0);
  return parts.join('\n').slice(0, limit);
}
