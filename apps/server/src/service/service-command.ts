// TEMPORARY stand-in so the server builds while the service commands are written (to be replaced).
export async function runServiceCommand(_args: readonly string[], io: { stderr(text: string): void }): Promise<number> {
  io.stderr('elf-server service: not built yet\n');
  return 1;
}
