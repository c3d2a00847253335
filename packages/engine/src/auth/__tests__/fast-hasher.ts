import { Argon2idHasher, type Argon2Params } from '../password-hasher.js';

/**
 * Test-only argon2id cost (64 KiB, t=1): the same code path as production, cheap enough to
 * hash hundreds of times in a test run. Tests about the parameters themselves use
 * `OWASP_ARGON2ID`; the production default is never lowered.
 */
export const FAST_ARGON2ID: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** A real argon2id hasher at {@link FAST_ARGON2ID} that counts its verify calls. */
export class CountingHasher extends Argon2idHasher {
  verifies = 0;

  constructor(params: Argon2Params = FAST_ARGON2ID) {
    super(params);
  }

  override verify(encoded: string, password: string): Promise<boolean> {
    this.verifies++;
    return super.verify(encoded, password);
  }
}
