import { v7 } from 'uuid';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/**
 * Generates document ids. The default produces UUIDv7: unique and sortable by creation time.
 *
 * @example
 * ```ts
 * const ids: IdGenerator = { next: () => crypto.randomUUID() };
 * ```
 */
export interface IdGenerator {
  next(): string;
}

/**
 * A UUIDv7 generator whose time part comes from the given clock, so ids stay time-sortable
 * under a fake clock too. Ids made in the same millisecond, or after the clock went back,
 * still sort in creation order (a counter carries on from the last one, as RFC 9562 §6.2).
 *
 * @example
 * ```ts
 * const ids = uuidv7Generator(new FakeClock('2026-01-01T00:00:00Z'));
 * ids.next(); // '019b7640-a800-7…'
 * ```
 */
export function uuidv7Generator(clock: Clock = systemClock): IdGenerator {
  let msecs = Number.NEGATIVE_INFINITY;
  let seq = 0;
  const random = randomPool();
  return {
    next: () => {
      const now = clock.now();
      const bytes = random();
      if (now > msecs) {
        msecs = now;
        seq = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) >>> 1;
      } else {
        seq = (seq + 1) | 0;
        if (seq === 0) msecs++;
      }
      return v7({ msecs, seq, random: bytes });
    },
  };
}

const ID_BYTES = 16;
const POOL_IDS = 256;

/**
 * 16 fresh random bytes per call, drawn from a pool refilled by one `crypto.getRandomValues`
 * every 256 calls (a call per id cost more than the rest of making the id).
 */
function randomPool(): () => Uint8Array {
  const pool = new Uint8Array(ID_BYTES * POOL_IDS);
  let used = POOL_IDS;
  return () => {
    if (used === POOL_IDS) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    return pool.subarray(ID_BYTES * used, ID_BYTES * ++used);
  };
}
