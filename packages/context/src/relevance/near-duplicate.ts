import { compareRules, type RuleSignature, ruleSignature } from '@elf/core';

// Rules recur across builds: remember the signatures of recently seen texts.
const signatures = new Map<string, RuleSignature>();

function signatureOf(text: string): RuleSignature {
  let signature = signatures.get(text);
  if (!signature) {
    signature = ruleSignature(text);
    if (signatures.size >= 10_000) signatures.clear();
    signatures.set(text, signature);
  }
  return signature;
}

/** Remembers the rules kept so far and tells whether a new one repeats one of them (core's "same rule?"). */
export class DuplicateFilter {
  readonly #kept: RuleSignature[] = [];

  isDuplicate(text: string): boolean {
    return this.#matches(signatureOf(text));
  }

  keep(text: string): void {
    this.#kept.push(signatureOf(text));
  }

  /** Keeps the rule unless it repeats one kept before; true when it was a repeat. */
  keepUnlessDuplicate(text: string): boolean {
    const rule = signatureOf(text);
    if (this.#matches(rule)) return true;
    this.#kept.push(rule);
    return false;
  }

  #matches(rule: RuleSignature): boolean {
    return this.#kept.some((kept) => compareRules(kept, rule) !== null);
  }
}
