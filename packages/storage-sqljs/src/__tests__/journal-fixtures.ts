import type { Doc } from '@rpma/engine';
import type { JournalEntry, PersistenceCodec } from '../persistence/persistence.js';

/**
 * Browser-safe fixtures of the durability tests: entries and a test codec.
 *
 * @example
 * ```ts
 * await journal.append(entryFor(1));
 * ```
 */
export function docFor(n: number): Doc {
  const at = new Date(Date.UTC(2026, 10, 26, 0, 0, n)).toISOString();
  return { id: `doc-${n}`, rev: 1, createdAt: at, updatedAt: at, deletedAt: null, n, label: `Léa ${n}` };
}

/** The journal entry `seq` putting {@link docFor}(seq). */
export function entryFor(seq: number): JournalEntry {
  return { seq, changes: [{ op: 'put', collection: 'things', doc: docFor(seq) }] };
}

/**
 * A reversible test codec: XOR with a key byte behind a 4-byte tag derived from the key, so a
 * codec with another key refuses the bytes (as AES-GCM would) instead of returning garbage.
 */
export function xorCodec(key: number): PersistenceCodec {
  const tag = Uint8Array.of(0x52, 0x50, key, key ^ 0xff);
  return {
    async encode(plain) {
      const out = new Uint8Array(plain.length + 4);
      out.set(tag, 0);
      for (let i = 0; i < plain.length; i++) out[i + 4] = (plain[i] ?? 0) ^ key;
      return out;
    },
    async decode(stored) {
      if (stored.length < 4 || tag.some((b, i) => stored[i] !== b))
        throw new Error('authentication tag mismatch');
      const out = new Uint8Array(stored.length - 4);
      for (let i = 0; i < out.length; i++) out[i] = (stored[i + 4] ?? 0) ^ key;
      return out;
    },
  };
}
