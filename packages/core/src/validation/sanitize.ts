// Text that reaches the database is later printed to terminals and injected into agent contexts:
// ANSI escape sequences and control characters (other than tab and newline) are removed on the way in.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const ansiEscape = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function sanitizeText(value: string): string {
  return value.replace(ansiEscape, '').replace(/\r\n?/g, '\n').replace(controlCharacters, '');
}
