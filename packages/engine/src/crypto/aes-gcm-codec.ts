import { EngineError } from '../kernel/engine-error.js';
import { aesGcmDecrypt, aesGcmEncrypt, importAesKey, type SecretKeyInput } from './secret-box.js';

/**
 * Turns bytes into stored bytes and back. Structurally the `PersistenceCodec` of
 * `@rpma/storage-sqljs` (declared here so the engine depends on no adapter).
 *
 * @example
 * ```ts
 * const codec: StoreCodec = aesGcmCodec(hostKey);
 * ```
 */
export interface StoreCodec {
  encode(plain: Uint8Array): Promise<Uint8Array>;
  decode(stored: Uint8Array): Promise<Uint8Array>;
}

const MAGIC = new Uint8Array([0x52, 0x50, 0x4d, 0x41, 0x47, 0x31]); // "RPMAG1"

/**
 * Encryption at rest for a persisted store (the sql.js snapshot and each journal entry):
 * AES-256-GCM with a random 96-bit IV per record, stored as `RPMAG1` ‖ IV ‖ ciphertext ‖ tag.
 * The magic prefix is authenticated too. `decode` with the wrong key, or of altered bytes,
 * rejects with `EngineError('UNAUTHENTICATED')`; bytes that were never encrypted by this codec
 * (a plain store opened with a key) reject with `EngineError('STORAGE')`.
 *
 * @example
 * ```ts
 * const storage = sqljsStorage({ persistence: fileJournal('./shop.rpma', { codec: aesGcmCodec(key) }) });
 * ```
 */
export function aesGcmCodec(key: SecretKeyInput): StoreCodec {
  const imported = importAesKey(key);
  // A bad key is reported by the first encode/decode; keep the rejection from going unhandled.
  imported.catch(() => undefined);
  return {
    async encode(plain) {
      const sealed = await aesGcmEncrypt(await imported, plain, MAGIC);
      const out = new Uint8Array(MAGIC.length + sealed.length);
      out.set(MAGIC, 0);
      out.set(sealed, MAGIC.length);
      return out;
    },
    async decode(stored) {
      if (!MAGIC.every((byte, i) => stored[i] === byte)) {
        throw new EngineError('STORAGE', 'the stored data is not encrypted with an RPMA store key');
      }
      try {
        return await aesGcmDecrypt(await imported, stored.subarray(MAGIC.length), MAGIC);
      } catch (cause) {
        throw new EngineError(
          'UNAUTHENTICATED',
          'cannot decrypt the store: wrong store key, or the data was altered',
          { cause },
        );
      }
    },
  };
}
