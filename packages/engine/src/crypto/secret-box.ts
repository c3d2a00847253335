import { EngineError } from '../kernel/engine-error.js';
import { fromBase64Url, toBase64Url, utf8 } from './bytes.js';

/**
 * Bytes in an AES-GCM IV: 96 bits, the size GCM is specified for (NIST SP 800-38D §8.2.2).
 *
 * @example
 * ```ts
 * const iv = sealed.subarray(0, IV_BYTES);
 * ```
 */
export const IV_BYTES = 12;

// IVs are cut from a pool refilled 1,024 IVs at a time: `getRandomValues` costs microseconds
// per call in Node whatever the size. Each IV is handed out once; the pool is never reused unfilled.
const pool = new Uint8Array(IV_BYTES * 1_024);
let poolOffset = pool.length;

/**
 * A fresh random 96-bit IV. Every encryption of {@link SecretBox} and {@link aesGcmCodec} takes
 * its IV from here. With random IVs one key must not encrypt more than 2^32 messages
 * (SP 800-38D §8.3); an engine encrypts a handful of TOTP seeds and one entry per commit.
 *
 * @example
 * ```ts
 * randomIv().length; // 12
 * ```
 */
export function randomIv(): Uint8Array<ArrayBuffer> {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const iv = pool.slice(poolOffset, poolOffset + IV_BYTES);
  poolOffset += IV_BYTES;
  return iv;
}

/**
 * The host's AES-256 key: 32 raw bytes, or a WebCrypto `CryptoKey` for AES-GCM (for example
 * one that is not extractable, unwrapped from the host's key store).
 *
 * @example
 * ```ts
 * const key: SecretKeyInput = crypto.getRandomValues(new Uint8Array(32));
 * ```
 */
export type SecretKeyInput = Uint8Array | CryptoKey;

/**
 * Imports a host key for AES-256-GCM; anything but 32 bytes or an AES-GCM `CryptoKey` is
 * refused with `VALIDATION`.
 *
 * @example
 * ```ts
 * const key = await importAesKey(crypto.getRandomValues(new Uint8Array(32)));
 * ```
 */
export async function importAesKey(input: SecretKeyInput): Promise<CryptoKey> {
  if (input instanceof Uint8Array) {
    if (input.length !== 32) {
      throw new EngineError('VALIDATION', `an AES-256 key is 32 bytes, got ${input.length}`);
    }
    return crypto.subtle.importKey('raw', new Uint8Array(input), 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
  if (typeof CryptoKey !== 'undefined' && input instanceof CryptoKey && input.algorithm.name === 'AES-GCM') {
    return input;
  }
  throw new EngineError('VALIDATION', 'the secrets key must be 32 bytes or an AES-GCM CryptoKey');
}

/**
 * Encrypts `plain` with AES-256-GCM under a fresh IV; returns IV ‖ ciphertext ‖ 128-bit tag.
 * `aad` is authenticated but not encrypted (it binds the ciphertext to its context).
 *
 * @example
 * ```ts
 * const sealed = await aesGcmEncrypt(key, utf8('secret'), utf8('users/u-1'));
 * ```
 */
export async function aesGcmEncrypt(
  key: CryptoKey,
  plain: Uint8Array,
  aad: Uint8Array = new Uint8Array(0),
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomIv();
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new Uint8Array(aad) },
      key,
      new Uint8Array(plain),
    ),
  );
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv, 0);
  out.set(cipher, IV_BYTES);
  return out;
}

/**
 * Reverses {@link aesGcmEncrypt}. A wrong key, a different `aad` or any altered bit rejects with
 * `EngineError('UNAUTHENTICATED')`; garbage is never returned.
 *
 * @example
 * ```ts
 * const plain = await aesGcmDecrypt(key, sealed, utf8('users/u-1'));
 * ```
 */
export async function aesGcmDecrypt(
  key: CryptoKey,
  sealed: Uint8Array,
  aad: Uint8Array = new Uint8Array(0),
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < IV_BYTES + 16) {
    throw new EngineError('UNAUTHENTICATED', 'the encrypted data is too short to be AES-GCM output');
  }
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(sealed.subarray(0, IV_BYTES)),
        additionalData: new Uint8Array(aad),
      },
      key,
      new Uint8Array(sealed.subarray(IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch (cause) {
    throw new EngineError('UNAUTHENTICATED', 'decryption failed: wrong key or altered data', { cause });
  }
}

const PREFIX = 'gcm1.';

/**
 * Encrypts small secrets (TOTP seeds) for storage as text: `gcm1.` + base64url(IV ‖ ciphertext ‖
 * tag). The `context` (for example the owning user's id) is authenticated, so a sealed value
 * copied onto another record does not open.
 *
 * @example
 * ```ts
 * const box = await SecretBox.create(hostKey);
 * const stored = await box.seal('JBSWY3DPEHPK3PXP', `users/${userId}`);
 * await box.open(stored, `users/${userId}`); // 'JBSWY3DPEHPK3PXP'
 * ```
 */
export class SecretBox {
  private constructor(private readonly key: CryptoKey) {}

  /** Imports the host key (32 bytes or an AES-GCM `CryptoKey`). */
  static async create(key: SecretKeyInput): Promise<SecretBox> {
    return new SecretBox(await importAesKey(key));
  }

  /** Encrypts `plain` under a fresh IV, bound to `context`. */
  async seal(plain: string, context: string): Promise<string> {
    return PREFIX + toBase64Url(await aesGcmEncrypt(this.key, utf8(plain), utf8(context)));
  }

  /** Decrypts a value made by {@link SecretBox.seal} with the same `context`; else `UNAUTHENTICATED`. */
  async open(sealed: string, context: string): Promise<string> {
    const bytes = sealed.startsWith(PREFIX) ? fromBase64Url(sealed.slice(PREFIX.length)) : undefined;
    if (!bytes) throw new EngineError('UNAUTHENTICATED', 'not a sealed secret');
    return new TextDecoder().decode(await aesGcmDecrypt(this.key, bytes, utf8(context)));
  }
}
