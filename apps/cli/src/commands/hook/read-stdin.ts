/**
 * The hook's whole stdin, up to `maxBytes` (a larger payload is cut, then fails to parse and is
 * logged). A terminal (someone typing `elf hook`) or a stream that stays silent for `idleMs`
 * yields what arrived so far, so a hook never hangs its agent.
 */
export function readStdin(maxBytes: number, idleMs: number): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (timer) clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.removeAllListeners('error');
      stdin.pause();
      stdin.unref?.();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(finish, idleMs);
    };
    stdin.on('data', (chunk: Buffer) => {
      if (size < maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        size += Math.min(chunk.length, maxBytes - size);
      }
      arm();
    });
    stdin.on('end', finish);
    stdin.on('error', finish);
    arm();
  });
}
