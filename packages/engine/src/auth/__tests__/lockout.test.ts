import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clearedLockout,
  DEFAULT_LOCKOUT,
  emptyLockout,
  type LockoutState,
  lockedUntil,
  recordFailure,
} from '../lockout.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-26T08:00:00Z');

function fail(times: number[], state: LockoutState = emptyLockout, policy = DEFAULT_LOCKOUT): LockoutState {
  return times.reduce((s, t) => recordFailure(s, t, policy), state);
}

describe('lockout arithmetic', () => {
  it('4 failures in 15 minutes do not lock; the 5th does, for exactly 15 minutes', () => {
    const four = fail([0, 1, 2, 3].map((i) => T0 + i * MIN));
    expect(lockedUntil(four, T0 + 4 * MIN, DEFAULT_LOCKOUT)).toBeUndefined();
    const five = recordFailure(four, T0 + 4 * MIN, DEFAULT_LOCKOUT);
    expect(lockedUntil(five, T0 + 4 * MIN, DEFAULT_LOCKOUT)).toBe(T0 + 19 * MIN);
    expect(lockedUntil(five, T0 + 19 * MIN - 1, DEFAULT_LOCKOUT)).toBe(T0 + 19 * MIN);
    expect(lockedUntil(five, T0 + 19 * MIN, DEFAULT_LOCKOUT)).toBeUndefined();
  });

  it('failures spread just wider than the window never lock', () => {
    // 5 failures, the first exactly 15 minutes before the last: outside the window.
    const state = fail([0, 1, 2, 3].map((i) => T0 + i * MIN).concat(T0 + 15 * MIN));
    expect(lockedUntil(state, T0 + 15 * MIN, DEFAULT_LOCKOUT)).toBeUndefined();
    // …and 1 ms tighter, they do.
    const tighter = fail([0, 1, 2, 3].map((i) => T0 + i * MIN).concat(T0 + 15 * MIN - 1));
    expect(lockedUntil(tighter, T0 + 15 * MIN - 1, DEFAULT_LOCKOUT)).toBe(T0 + 30 * MIN - 1);
  });

  it('a second lock within the hour doubles (backoff), and starts counting afresh after a lock', () => {
    const first = fail([0, 1, 2, 3, 4].map((i) => T0 + i * MIN));
    const afterFirst = T0 + 19 * MIN;
    const oneMore = recordFailure(first, afterFirst, DEFAULT_LOCKOUT);
    expect(lockedUntil(oneMore, afterFirst, DEFAULT_LOCKOUT)).toBeUndefined();
    const second = fail(
      [1, 2, 3, 4].map((i) => afterFirst + i * 1000),
      oneMore,
    );
    expect(lockedUntil(second, afterFirst + 4000, DEFAULT_LOCKOUT)).toBe(afterFirst + 4000 + 30 * MIN);
  });

  it('failures while locked do not extend the lock', () => {
    const locked = fail([0, 1, 2, 3, 4].map((i) => T0 + i * MIN));
    const more = fail(
      [5, 6, 7].map((i) => T0 + i * MIN),
      locked,
    );
    expect(lockedUntil(more, T0 + 7 * MIN, DEFAULT_LOCKOUT)).toBe(T0 + 19 * MIN);
  });

  it.each([
    { name: 'no threshold lock', threshold: 1_000, windowMs: 15 * MIN, lockMs: 15 * MIN, span: 90 * MIN },
    { name: 'short locks', threshold: 60, windowMs: 10 * MIN, lockMs: MIN, span: 20 * MIN },
  ])('never counts more than maxPerHour failures in any hour ($name)', ({ span, ...policy }) => {
    const lenient = { ...policy, maxPerHour: 100 };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: span }), { minLength: 200, maxLength: 400 }),
        (offsets) => {
          let state = emptyLockout;
          const accepted: number[] = [];
          for (const t of [...offsets].sort((a, b) => a - b).map((o) => T0 + o)) {
            if (lockedUntil(state, t, lenient) !== undefined) continue;
            accepted.push(t);
            state = recordFailure(state, t, lenient);
          }
          expect(accepted.length).toBeGreaterThan(0);
          for (const t of accepted) {
            expect(accepted.filter((u) => u >= t && u < t + 60 * MIN).length).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('an unlock clears everything', () => {
    const locked = fail([0, 1, 2, 3, 4].map((i) => T0 + i * MIN));
    expect(lockedUntil(clearedLockout(), T0 + 5 * MIN, DEFAULT_LOCKOUT)).toBeUndefined();
    expect(locked.lockedUntil).not.toBeNull();
  });
});
