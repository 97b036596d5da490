import { describe, expect, it } from 'vitest';
import { errorHeadline } from './error-headline.js';

// Each case is the shape a real tool prints (through Claude Code, whose Bash failures start with
// `Exit code N`); the headline must name the error itself.
const shapes: Array<[string, string, string]> = [
  [
    'Claude Code Bash + sqlite3',
    'Exit code 1\nError: unable to open database "/srv/orders.db": unable to open database file',
    'Error: unable to open database "/srv/orders.db": unable to open database file',
  ],
  [
    'sqlite3 parse error',
    'Exit code 1\nParse error near line 1: no such table: orders',
    'Parse error near line 1: no such table: orders',
  ],
  [
    'npm test (vitest)',
    [
      'Exit code 1',
      '',
      '> shop@1.0.0 test',
      '> vitest run',
      '',
      ' FAIL  src/cart.test.ts > cart > adds two items',
      'AssertionError: expected 3 to be 4 // Object.is equality',
      ' ❯ src/cart.test.ts:7:23',
      'npm error Lifecycle script `test` failed with error:',
      'npm error code 1',
      'npm error path /home/me/shop',
    ].join('\n'),
    'AssertionError: expected 3 to be 4 // Object.is equality',
  ],
  [
    'npm run of a missing script',
    'Exit code 1\nnpm error Missing script: "migrate"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\nnpm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
    'npm error Missing script: "migrate"',
  ],
  [
    'pnpm',
    "Exit code 1\n\n> shop@1.0.0 build /home/me/shop\n> tsc -p .\n\nsrc/cart.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.\n ELIFECYCLE  Command failed with exit code 2.",
    "src/cart.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  ],
  [
    'pytest',
    [
      'Exit code 1',
      '============================= test session starts ==============================',
      'collected 3 items',
      '',
      'tests/test_cart.py ..F                                                   [100%]',
      '',
      '=================================== FAILURES ===================================',
      '________________________________ test_total ____________________________________',
      '',
      '    def test_total():',
      '>       assert total([1, 2]) == 4',
      'E       assert 3 == 4',
      'E        +  where 3 = total([1, 2])',
      '',
      'tests/test_cart.py:9: AssertionError',
      '=========================== short test summary info ============================',
      'FAILED tests/test_cart.py::test_total - assert 3 == 4',
    ].join('\n'),
    'E assert 3 == 4',
  ],
  [
    'python traceback',
    'Exit code 1\nTraceback (most recent call last):\n  File "/srv/app/migrate.py", line 3, in <module>\n    import psycopg2\nModuleNotFoundError: No module named \'psycopg2\'',
    "ModuleNotFoundError: No module named 'psycopg2'",
  ],
  [
    'tsc',
    "Exit code 2\nsrc/orders.ts:14:3 - error TS2741: Property 'id' is missing in type '{}' but required in type 'Order'.\n\n14   return {};\n     ~~~~~~~~~~\n\nFound 1 error in src/orders.ts:14",
    "src/orders.ts:14:3 - error TS2741: Property 'id' is missing in type '{}' but required in type 'Order'.",
  ],
  [
    'git',
    'Exit code 128\nfatal: not a git repository (or any of the parent directories): .git',
    'fatal: not a git repository (or any of the parent directories): .git',
  ],
  [
    'git push',
    "Exit code 1\nTo github.com:me/shop.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to 'github.com:me/shop.git'\nhint: Updates were rejected because the remote contains work that you do not",
    "error: failed to push some refs to 'github.com:me/shop.git'",
  ],
  [
    'cargo',
    'Exit code 101\n   Compiling shop v0.1.0 (/home/me/shop)\nerror[E0382]: borrow of moved value: `order`\n --> src/main.rs:9:20\n  |\n7 |     let total = order;\n  |                 ----- value moved here\n\nerror: could not compile `shop` (bin "shop") due to 1 previous error',
    'error[E0382]: borrow of moved value: `order`',
  ],
  [
    'node stack',
    'Exit code 1\n/home/me/shop/seed.js:4\n  throw new Error("seed file missing")\n  ^\n\nError: seed file missing\n    at Object.<anonymous> (/home/me/shop/seed.js:4:9)\n    at Module._compile (node:internal/modules/cjs/loader:1554:14)\n\nNode.js v20.20.2',
    'Error: seed file missing',
  ],
  [
    'Edit tool',
    'String to replace not found in file.\nString: const total = 0',
    'String to replace not found in file.',
  ],
  ['plain message', 'Permission to use Bash has been denied.', 'Permission to use Bash has been denied.'],
  [
    'jest code frame',
    "Exit code 1\n FAIL  test/auth.test.ts\n  console.warn\n    [auth] rejected token: NotBeforeError: jwt not active\n\n      41 |     logger.warn(e);\n    > 42 |     return res.status(401).json({ error: 'unauthorized' });\n         |            ^",
    '[auth] rejected token: NotBeforeError: jwt not active',
  ],
  [
    'ts-node source excerpt',
    "Exit code 1\n/app/node_modules/ts-node/src/index.ts:859\n    return new TSError(diagnosticText, diagnosticCodes, diagnostics);\n           ^\nTSError: ⨯ Unable to compile TypeScript:\nsrc/auth.ts:21:9 - error TS2339: Property 'user' does not exist on type 'Request'.",
    "src/auth.ts:21:9 - error TS2339: Property 'user' does not exist on type 'Request'.",
  ],
  ['only an exit status', 'Exit code 1', 'Exit code 1'],
  [
    'colour codes',
    '\u001b[31mError:\u001b[39m connect ECONNREFUSED 127.0.0.1:5432',
    'Error: connect ECONNREFUSED 127.0.0.1:5432',
  ],
];

describe('errorHeadline', () => {
  it.each(shapes)('%s', (_name, output, headline) => {
    expect(errorHeadline(output)).toBe(headline);
  });

  it('never returns an exit-code line when anything else was printed', () => {
    expect(errorHeadline('Exit code 1\nsomething odd happened')).toBe('something odd happened');
    expect(errorHeadline('')).toBe('');
  });
});
