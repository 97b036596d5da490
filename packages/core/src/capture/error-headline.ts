// The line of a tool's error output that names what went wrong, for a failure's title and for
// recognising the same failure twice. Real clients wrap the output (Claude Code's Bash failures
// start with `Exit code 1`), package managers add their own trailer (`npm error code 1`,
// ` ELIFECYCLE  Test failed`), and interpreters print a stack whose meaning is in one line.

/** Lines that never name the error: exit statuses, echoed commands, stack frames, package-manager trailers. */
const noise = [
  /^exit code:? -?\d+$/i,
  /^(command|process) exited with (code|status|non-zero status) -?\d+\.?$/i,
  /^[$>❯#%] /, // an echoed command or npm's `> pkg@1.0.0 test`
  /^at\s+\S/, // JavaScript stack frame
  /^File ".*", line \d+/, // Python stack frame
  /^Traceback \(most recent call last\):$/,
  /^[\s^~]+$/, // caret markers under a source line
  /^npm (ERR!|error|warn)( (code|errno|path|syscall|signal|command|workspace|location|Lifecycle script|A complete log|Log files|This is probably|Failed at|$))/i,
  /^npm (ERR!|error)\s*$/i,
  /^\s*ELIFECYCLE\b/,
  /^(ERR_PNPM_\w+|\[ERR_PNPM_\w+\])?\s*Command failed with exit code \d+/i,
  /^(=+|-+|_+|\*+)( .* )?(=+|-+|_+|\*+)?$/, // pytest's and others' rulers
  /^(note|help|hint|warning):/i, // compilers' follow-up lines
  /^>?\s*\d+\s*\|/, // a code frame's source line (jest, babel, vite: `> 41 |   logger.warn(…)`)
];

/** Lines that name an error outright. */
const strong = [
  /\b[A-Z]\w*(Error|Exception)\b/, // TypeError, AssertionError, sqlite3.OperationalError, …
  /(^|\s)error(\[\w+\])?:/i, // error: …, Error: …, cargo's error[E0382]: …
  /\berror TS\d+:/, // tsc
  /^E\s{2,}\S/, // pytest's failure lines
  /^fatal:/i, // git
  /^ERR_PNPM_\w+/,
  /\bpanicked at\b/, // rust
];

/** Lines that probably do. */
const weak =
  /\b(fail(ed|ure|s)?|FAIL|cannot|can't|could not|couldn't|unable to|not found|no such|denied|refused|timed? ?out|invalid|unexpected|missing|undefined|ENOENT|EACCES|ECONNREFUSED)\b/i;

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what this removes
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** A line that names an error, unless it only introduces the next one (`TSError: ⨯ Unable to compile TypeScript:`). */
function score(line: string): number {
  if (strong.some((pattern) => pattern.test(line))) return line.endsWith(':') ? 1.5 : 2;
  return weak.test(line) ? 1 : 0;
}

/** Node's and Python's source excerpt: a line of code with a caret marker under it. */
const caret = /^[\s~]*\^[\s^~]*$/;

/**
 * The first line that names an error (`Error: …`, `error TS2322: …`, `fatal: …`, pytest's `E  …`),
 * else the first that suggests one (`failed`, `not found`, …), else the first meaningful line;
 * for a Python traceback, its last exception line. Exit-code lines, echoed commands, stack
 * frames and package-manager trailers are never chosen. Whitespace is collapsed; '' for no text.
 */
export function errorHeadline(output: string): string {
  const raw = output
    .replace(ansi, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const lines = raw.filter((line, i) => !noise.some((pattern) => pattern.test(line)) && !caret.test(raw[i + 1] ?? ''));
  if (lines.length === 0) return output.replace(ansi, '').trim().split(/\r?\n/)[0]?.trim() ?? '';
  let best: string | undefined;
  let bestScore = 0;
  if (/Traceback \(most recent call last\)/.test(output)) {
    // Python prints the exception last.
    best = lines.findLast((line) => /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b/.test(line));
    if (best) bestScore = 2;
  }
  if (!best) {
    for (const line of lines) {
      const s = score(line);
      if (s > bestScore) {
        best = line;
        bestScore = s;
        if (s === 2) break;
      }
    }
  }
  return (best ?? (lines[0] as string)).replace(/\s+/g, ' ');
}
