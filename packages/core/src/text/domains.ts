// What a domain name is, in one place: recorded domains, [LEARNED:domain] markers, domains
// inferred from a task, and the validation of input fields all normalise and check through here.

export const maxDomainLength = 100;
export const domainPattern = /^[a-z0-9._-]+$/;

/** Lower case, whitespace → `-`: "My Domain" is stored as `my-domain`. */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The normalised domain, or null when it is empty, too long or has characters a domain may not. */
export function toDomain(value: string): string | null {
  const domain = normalizeDomain(value);
  return domain.length > 0 && domain.length <= maxDomainLength && domainPattern.test(domain) ? domain : null;
}
