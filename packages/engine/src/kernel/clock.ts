/**
 * The engine's only source of time. Nothing in the engine calls `Date.now()` directly.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ clock: new FakeClock('2026-03-01T08:00:00Z') });
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/**
 * The wall clock.
 *
 * @example
 * ```ts
 * systemClock.now(); // 1767225600000
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told to; for tests and simulations.
 *
 * @example
 * ```ts
 * const clock = new FakeClock('2026-03-01T08:00:00Z');
 * clock.advance(60 * 60_000); // one hour later
 * ```
 */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: number | string | Date = 0) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  /** Jumps to an absolute time. */
  set(to: number | string | Date): void {
    this.current = typeof to === 'number' ? to : new Date(to).getTime();
  }
}

/**
 * ISO-8601 UTC string of the clock's current time, the form every stored timestamp uses.
 *
 * @example
 * ```ts
 * isoNow(new FakeClock('2026-03-01T08:00:00Z')); // '2026-03-01T08:00:00.000Z'
 * ```
 */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
