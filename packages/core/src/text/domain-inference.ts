import { toDomain } from './domains.js';
import { searchTerms, stems } from './terms.js';

// Domains of a text when none is given: a keyword map (the original ELF's, matched on whole words
// instead of substrings) plus any known domain the text names. Captured failures and markers
// without a domain, and the context builder's task, are read the same way.

const keywordMap: Record<string, readonly string[]> = {
  authentication: [
    'auth',
    'authentication',
    'login',
    'logout',
    'session',
    'jwt',
    'token',
    'oauth',
    'password',
    'sso',
    'signin',
  ],
  database: [
    'sql',
    'query',
    'schema',
    'migration',
    'migrations',
    'db',
    'database',
    'sqlite',
    'postgres',
    'mysql',
    'index',
  ],
  api: ['api', 'endpoint', 'rest', 'graphql', 'http', 'request', 'response', 'webhook'],
  security: ['security', 'vulnerability', 'xss', 'csrf', 'injection', 'secret', 'secrets', 'encryption', 'cve'],
  testing: ['test', 'tests', 'testing', 'flaky', 'jest', 'vitest', 'pytest', 'coverage', 'mock', 'fixture'],
  react: ['react', 'hook', 'hooks', 'useeffect', 'usestate', 'jsx', 'component'],
  frontend: ['frontend', 'ui', 'css', 'html', 'browser', 'dom', 'layout'],
  performance: ['performance', 'slow', 'latency', 'memory', 'cpu', 'profile', 'profiling', 'optimize', 'benchmark'],
  'error-handling': ['error', 'errors', 'exception', 'exceptions', 'crash', 'retry', 'timeout'],
  configuration: ['config', 'configuration', 'env', 'settings', 'yaml', 'toml'],
  production: ['production', 'deploy', 'deployment', 'release', 'rollback', 'outage', 'incident'],
  git: ['git', 'commit', 'branch', 'merge', 'rebase', 'worktree', 'pr'],
  python: ['python', 'pip', 'venv', 'django', 'flask', 'pytest'],
  ci: ['ci', 'pipeline', 'github-actions', 'workflow', 'runner'],
  documentation: ['docs', 'documentation', 'readme', 'changelog'],
  cli: ['cli', 'command', 'argv', 'flag', 'flags', 'terminal'],
};

const keywordIndex = new Map<string, string[]>();
for (const [domain, keywords] of Object.entries(keywordMap)) {
  for (const word of keywords) keywordIndex.set(word, [...(keywordIndex.get(word) ?? []), domain]);
}

/** Domains suggested by the keyword map, most often hinted first. */
export function keywordDomains(text: string): string[] {
  const hits = new Map<string, number>();
  for (const word of searchTerms(text, 200)) {
    for (const domain of keywordIndex.get(word) ?? []) hits.set(domain, (hits.get(domain) ?? 0) + 1);
  }
  return [...hits.entries()].sort((a, b) => b[1] - a[1]).map(([domain]) => domain);
}

/** The domain of captured text (a failure, a marker without one): the keyword map's first, else null. */
export function inferDomain(text: string): string | null {
  return keywordDomains(text)[0] ?? null;
}

/** Words and two-word phrases of a text that could name a domain (`error handling` → `error-handling`). */
export function domainCandidates(text: string): string[] {
  const terms = searchTerms(text, 200);
  const names = new Set(terms);
  for (let i = 0; i + 1 < terms.length; i++) names.add(`${terms[i]}-${terms[i + 1]}`);
  return [...names].flatMap((name) => toDomain(name) ?? []);
}

/**
 * Known domains named in a text, compared by stems: "caching" is named by "cache", and
 * "error-handling" by "handle errors". A domain is named when all of its parts' stems occur.
 */
export function namedDomains(textStems: readonly string[], known: Iterable<string>): string[] {
  const have = new Set(textStems);
  const named: string[] = [];
  for (const domain of known) {
    const parts = stems(domain.replace(/[-_.]/g, ' '));
    if (parts.length > 0 && parts.every((part) => have.has(part))) named.push(domain);
  }
  return named;
}
