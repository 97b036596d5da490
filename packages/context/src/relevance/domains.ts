import { normalizeDomain, searchTerms } from '@elf/core';
import { stems } from './coverage.js';

// Candidate domains of a task when none is given: a keyword map (the original ELF's, matched on
// whole words instead of substrings) plus any known domain named in the task.

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
for (const [domain, words] of Object.entries(keywordMap)) {
  for (const word of words) keywordIndex.set(word, [...(keywordIndex.get(word) ?? []), domain]);
}

/** Words and two-word phrases of the task that could name a domain (`error handling` → `error-handling`). */
export function domainCandidates(task: string): string[] {
  const words = searchTerms(task, 200);
  const names = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) names.add(`${words[i]}-${words[i + 1]}`);
  return [...names].map(normalizeDomain).filter((name) => /^[a-z0-9._-]{1,100}$/.test(name));
}

/** Domains suggested by the keyword map, most often hinted first. */
export function keywordDomains(task: string): string[] {
  const hits = new Map<string, number>();
  for (const word of searchTerms(task, 200)) {
    for (const domain of keywordIndex.get(word) ?? []) hits.set(domain, (hits.get(domain) ?? 0) + 1);
  }
  return [...hits.entries()].sort((a, b) => b[1] - a[1]).map(([domain]) => domain);
}

/**
 * Known domains named in the task, compared by stems: "caching" is named by "cache", and
 * "error-handling" by "handle errors". A domain is named when all of its parts' stems occur.
 */
export function namedDomains(taskStems: readonly string[], known: Iterable<string>): string[] {
  const have = new Set(taskStems);
  const named: string[] = [];
  for (const domain of known) {
    const parts = stems(domain.replace(/[-_.]/g, ' '));
    if (parts.length > 0 && parts.every((part) => have.has(part))) named.push(domain);
  }
  return named;
}
