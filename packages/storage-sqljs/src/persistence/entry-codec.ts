import { EngineError } from '@rpma/engine';
import type { DocChange, PersistenceCodec } from './persistence.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the changes of one journal entry into stored bytes: JSON, UTF-8, then the codec
 * (encryption at rest) when one is configured.
 *
 * @example
 * ```ts
 * const payload = await encodeChanges(entry.changes, options.codec);
 * ```
 */
export async function encodeChanges(changes: DocChange[], codec?: PersistenceCodec): Promise<Uint8Array> {
  return encodeBytes(encoder.encode(JSON.stringify(changes)), codec, 'a journal entry');
}

/**
 * Reads back what {@link encodeChanges} stored. A codec that refuses the bytes (wrong key,
 * altered data) or a payload that is not the JSON we wrote gives `EngineError('STORAGE')`
 * naming the entry, never an empty or partial entry.
 *
 * @example
 * ```ts
 * const changes = await decodeChanges(payload, 42, codec, 'journal ./shop.rpma/journal');
 * ```
 */
export async function decodeChanges(
  stored: Uint8Array,
  seq: number,
  codec: PersistenceCodec | undefined,
  where: string,
): Promise<DocChange[]> {
  const plain = await decodeBytes(stored, codec, `entry ${seq} of ${where}`);
  let changes: unknown;
  try {
    changes = JSON.parse(decoder.decode(plain));
  } catch (err) {
    throw new EngineError('STORAGE', `entry ${seq} of ${where} is not a valid journal entry`, {
      details: { seq },
      cause: err,
    });
  }
  if (!Array.isArray(changes)) {
    throw new EngineError('STORAGE', `entry ${seq} of ${where} is not a list of changes`, {
      details: { seq },
    });
  }
  return changes as DocChange[];
}

/**
 * Applies the codec's `encode` (identity without a codec), wrapping its failure in
 * `EngineError('STORAGE')`.
 *
 * @example
 * ```ts
 * const stored = await encodeBytes(sqliteFile, codec, 'the snapshot');
 * ```
 */
export async function encodeBytes(
  plain: Uint8Array,
  codec: PersistenceCodec | undefined,
  what: string,
): Promise<Uint8Array> {
  if (!codec) return plain;
  try {
    return await codec.encode(plain);
  } catch (err) {
    throw new EngineError('STORAGE', `could not encode ${what}: ${messageOf(err)}`, { cause: err });
  }
}

/**
 * Applies the codec's `decode` (identity without a codec). A refusal becomes
 * `EngineError('STORAGE')` saying the key is wrong or the data was altered.
 *
 * @example
 * ```ts
 * const sqliteFile = await decodeBytes(stored, codec, 'snapshot of ./shop.rpma');
 * ```
 */
export async function decodeBytes(
  stored: Uint8Array,
  codec: PersistenceCodec | undefined,
  what: string,
): Promise<Uint8Array> {
  if (!codec) return stored;
  try {
    return await codec.decode(stored);
  } catch (err) {
    throw new EngineError(
      'STORAGE',
      `could not decode ${what} (wrong encryption key, or the data was altered): ${messageOf(err)}`,
      { cause: err },
    );
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
