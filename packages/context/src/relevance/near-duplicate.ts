import { compareRules, type RuleSignature, ruleSignature } from '@elf/core';

/** Remembers the rules kept so far and tells whether a new one repeats one of them (core's "same rule?"). */
export class DuplicateFilter {
  readonly #kept: RuleSignature[] = [];

  isDuplicate(text: string): boolean {
    return this.#matches(ruleSignature(text));
  }

  keep(text: string): void {
    this.#kept.push(ruleSignature(text));
  }

  /** Keeps the rule unless it repeats one kept before; true when it was a repeat. */
  keepUnlessDuplicate(text: string): boolean {
    const rule = ruleSignature(text);
    if (this.#matches(rule)) return true;
    this.#kept.push(rule);
    return false;
  }

  #matches(rule: RuleSignature): boolean {
    return this.#kept.some((kept) => compareRules(kept, rule) !== null);
  }
}
