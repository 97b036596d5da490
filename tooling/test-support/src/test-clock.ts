/** The instant every test clock starts at, unless told otherwise. */
export const fixedNow = '2026-11-26T12:00:00.000Z';

/** A clock the test moves by hand; it stands still otherwise, so dates in assertions are exact. */
export class TestClock {
  #now: number;
  constructor(iso = fixedNow) {
    this.#now = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advanceDays(days: number): void {
    this.#now += days * 86_400_000;
  }
  advanceMinutes(minutes: number): void {
    this.#now += minutes * 60_000;
  }
  set(iso: string): void {
    this.#now = Date.parse(iso);
  }
}
