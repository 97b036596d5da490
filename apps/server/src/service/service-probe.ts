// Whether the service's server answers: `GET /api/meta` on loopback, briefly. (The CLI's
// `elf hooks status` asks the same of the server its hooks point at; apps share no code.)

export async function probeServer(port: number, timeoutMs = 500): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  try {
    const response = await fetch(`${base}/api/meta`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => null)) as { version?: unknown } | null;
    if (response.ok && typeof body?.version === 'string') return `server answers at ${base} (version ${body.version})`;
    return `server at ${base} answered HTTP ${response.status}${response.ok ? ', but it is not elf-server' : ''}`;
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string }; message?: string };
    const why = e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.message ?? String(error));
    return `server not answering at ${base} (${why})`;
  }
}
