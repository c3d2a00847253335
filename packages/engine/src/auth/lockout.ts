/**
 * Per-account lockout arithmetic (pure): counts recent failed logins and says when the account
 * may try again. A lock doubles each time it is re-triggered within an hour (backoff), and an
 * account never gets more than `maxPerHour` failures counted in any hour: past that, it stays
 * locked until the hour has passed.
 *
 * @example
 * ```ts
 * const state = recordFailure(emptyLockout, now, DEFAULT_LOCKOUT);
 * lockedUntil(state, now, DEFAULT_LOCKOUT); // undefined until the 5th failure
 * ```
 */
export interface LockoutPolicy {
  /** Failures within `windowMs` that lock the account. Default 5. */
  threshold: number;
  /** The counting window. Default 15 minutes. */
  windowMs: number;
  /** The first lock's length; each further lock within an hour doubles it. Default 15 minutes. */
  lockMs: number;
  /** Hard ceiling of failures per rolling hour. Default 100. */
  maxPerHour: number;
}

/**
 * The defaults of issue #6: 5 failures in 15 minutes lock for 15 minutes; at most 100 per hour.
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_LOCKOUT, threshold: 10 };
 * ```
 */
export const DEFAULT_LOCKOUT: Readonly<LockoutPolicy> = Object.freeze({
  threshold: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerHour: 100,
});

const HOUR = 60 * 60_000;

/**
 * What is stored on the user record: failure times (ms) of the last hour, the current lock's
 * end, and how many locks were set in the last hour (for the backoff).
 *
 * @example
 * ```ts
 * const locked = lockedUntil(attempts, clock.now(), policy) !== undefined;
 * ```
 */
export interface LockoutState {
  failures: number[];
  lockedUntil: number | null;
  locks: number[];
}

/**
 * A state with no failures and no lock.
 *
 * @example
 * ```ts
 * const user = { ...fields, lockout: emptyLockout };
 * ```
 */
export const emptyLockout: LockoutState = Object.freeze({
  failures: [],
  lockedUntil: null,
  locks: [],
}) as LockoutState;

/**
 * The time (ms) until which the account is locked at `now`, or undefined when it may try.
 *
 * @example
 * ```ts
 * if (lockedUntil(user.lockout, clock.now(), policy) !== undefined) refuse();
 * ```
 */
export function lockedUntil(state: LockoutState, now: number, policy: LockoutPolicy): number | undefined {
  if (state.lockedUntil !== null && state.lockedUntil > now) return state.lockedUntil;
  const lastHour = state.failures.filter((t) => t > now - HOUR);
  if (lastHour.length >= policy.maxPerHour)
    return (lastHour[lastHour.length - policy.maxPerHour] ?? now) + HOUR;
  return undefined;
}

/**
 * The state after one more failed attempt at `now`; sets a lock when the threshold is reached.
 *
 * @example
 * ```ts
 * user.lockout = recordFailure(user.lockout, clock.now(), policy);
 * ```
 */
export function recordFailure(state: LockoutState, now: number, policy: LockoutPolicy): LockoutState {
  const failures = [...state.failures.filter((t) => t > now - HOUR), now];
  const locks = state.locks.filter((t) => t > now - HOUR);
  // Failures up to the last lock were paid for by that lock: count only the ones after it.
  const since = Math.max(now - policy.windowMs, locks[locks.length - 1] ?? Number.NEGATIVE_INFINITY);
  const inWindow = failures.filter((t) => t > since).length;
  const alreadyLocked = state.lockedUntil !== null && state.lockedUntil > now;
  if (alreadyLocked || inWindow < policy.threshold) {
    return { failures, lockedUntil: alreadyLocked ? state.lockedUntil : null, locks };
  }
  const lockMs = policy.lockMs * 2 ** locks.length;
  return { failures, lockedUntil: now + lockMs, locks: [...locks, now] };
}

/**
 * The state after a successful login or an admin unlock: counting starts again.
 *
 * @example
 * ```ts
 * user.lockout = clearedLockout();
 * ```
 */
export function clearedLockout(): LockoutState {
  return { failures: [], lockedUntil: null, locks: [] };
}
