import { randomBytes, toBase64Url } from '../crypto/bytes.js';
import { lazyModule } from '../kernel/lazy-module.js';

/** hash-wasm (its WASM argon2 included) is fetched on the first hash or verify, not at start. */
const hashWasm = lazyModule('password hasher (hash-wasm)', () => import('./argon2-library.js'));

/**
 * argon2id cost parameters. `memoryKiB` is in KiB (19,456 KiB = 19 MiB).
 *
 * @example
 * ```ts
 * const stronger: Argon2Params = { memoryKiB: 47_104, iterations: 1, parallelism: 1 };
 * ```
 */
export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * The production parameters: the OWASP Password Storage Cheat Sheet minimum for argon2id
 * (m=19 MiB, t=2, p=1). The engine never uses less unless a host rebinds the hasher.
 *
 * @example
 * ```ts
 * new Argon2idHasher(OWASP_ARGON2ID);
 * ```
 */
export const OWASP_ARGON2ID: Readonly<Argon2Params> = Object.freeze({
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
});

/**
 * Hashes and verifies passwords (and backup codes). Bound under `TOKENS.PasswordHasher`; a host
 * may rebind it with stronger parameters, and tests with cheaper ones.
 *
 * @example
 * ```ts
 * const hasher = engine.get<PasswordHasher>(TOKENS.PasswordHasher);
 * const stored = await hasher.hash('correct horse battery staple');
 * await hasher.verify(stored, 'correct horse battery staple'); // true
 * ```
 */
export interface PasswordHasher {
  /** The standard encoded form, `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
  hash(password: string): Promise<string>;
  /** True when `password` matches `encoded`; false for a mismatch or a malformed hash. */
  verify(encoded: string, password: string): Promise<boolean>;
  /** True when `encoded` was made with weaker parameters than the current ones. */
  needsRehash(encoded: string): boolean;
}

const ENCODED = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Reads the parameters out of an encoded argon2id hash; undefined if it is not one.
 *
 * @example
 * ```ts
 * parseArgon2Params('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'); // { memoryKiB: 19456, iterations: 2, parallelism: 1 }
 * ```
 */
export function parseArgon2Params(encoded: string): Argon2Params | undefined {
  const match = ENCODED.exec(encoded);
  if (!match) return undefined;
  return { memoryKiB: Number(match[1]), iterations: Number(match[2]), parallelism: Number(match[3]) };
}

/**
 * argon2id through hash-wasm (WASM: the same code in browsers and Node; loaded on the first
 * `hash` or `verify`), 16-byte random salt, 32-byte hash. Passwords are NFKC-normalised first so the same password typed on two
 * keyboards verifies.
 *
 * @example
 * ```ts
 * const hasher = new Argon2idHasher(); // OWASP_ARGON2ID
 * ```
 */
export class Argon2idHasher implements PasswordHasher {
  constructor(readonly params: Readonly<Argon2Params> = OWASP_ARGON2ID) {}

  async hash(password: string): Promise<string> {
    const { argon2id } = await hashWasm();
    return argon2id({
      password: password.normalize('NFKC'),
      salt: randomBytes(16),
      memorySize: this.params.memoryKiB,
      iterations: this.params.iterations,
      parallelism: this.params.parallelism,
      hashLength: 32,
      outputType: 'encoded',
    });
  }

  async verify(encoded: string, password: string): Promise<boolean> {
    if (!ENCODED.test(encoded)) return false;
    const { argon2Verify } = await hashWasm();
    try {
      return await argon2Verify({ password: password.normalize('NFKC'), hash: encoded });
    } catch {
      return false;
    }
  }

  needsRehash(encoded: string): boolean {
    const stored = parseArgon2Params(encoded);
    if (!stored) return true;
    return (
      stored.memoryKiB < this.params.memoryKiB ||
      stored.iterations < this.params.iterations ||
      stored.parallelism !== this.params.parallelism
    );
  }
}

/**
 * A random password nobody knows, hashed once per engine: login verifies unknown users against
 * it so they cost the same argon2 work as known ones.
 *
 * @example
 * ```ts
 * const dummy = await dummyPasswordHash(hasher);
 * ```
 */
export function dummyPasswordHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(toBase64Url(randomBytes(24)));
}
