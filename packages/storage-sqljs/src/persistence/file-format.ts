import { crc32 } from 'node:zlib';
import { EngineError } from '@rpma/engine';

/**
 * The on-disk formats of a file store (little-endian throughout).
 *
 * Journal: a 16-byte header, `RPMAJNL1` then `baseSeq` (u64: the snapshot seq the journal
 * follows), then frames `length u32 | crc32 u32 | seq u64 | payload`, the CRC covering seq and
 * payload. A torn or truncated tail is detected by the length or the CRC.
 *
 * Snapshot: a 32-byte header, `RPMASNP1`, `seq` (u64), payload length (u64), crc32 of the
 * payload (u32), 4 reserved bytes, then the payload (the SQLite file, through the codec).
 */
const FRAME_HEADER_BYTES = 16;

/**
 * Size of the journal header: a journal of this length holds no entry.
 *
 * @example
 * ```ts
 * const entryBytes = journalLength - JOURNAL_HEADER_BYTES;
 * ```
 */
export const JOURNAL_HEADER_BYTES = 16;
const SNAPSHOT_HEADER_BYTES = 32;
const JOURNAL_MAGIC = Buffer.from('RPMAJNL1', 'latin1');
const SNAPSHOT_MAGIC = Buffer.from('RPMASNP1', 'latin1');

/** One complete, CRC-valid journal frame, located in the file it was read from. */
export interface JournalFrame {
  seq: number;
  payload: Uint8Array;
  start: number;
  end: number;
}

/** A parsed journal: its header, its valid frames, and where the valid part ends. */
export interface ParsedJournal {
  baseSeq: number;
  frames: JournalFrame[];
  /** Byte length of the header plus every valid frame; anything after it is a torn tail. */
  goodLength: number;
}

/**
 * A journal file holding only its header, for a store whose snapshot covers `baseSeq`.
 *
 * @example
 * ```ts
 * await writeDurably(fs, dir, 'journal', journalHeader(0));
 * ```
 */
export function journalHeader(baseSeq: number): Buffer {
  const header = Buffer.alloc(JOURNAL_HEADER_BYTES);
  JOURNAL_MAGIC.copy(header, 0);
  header.writeBigUInt64LE(BigInt(baseSeq), 8);
  return header;
}

/**
 * One journal frame for the entry `seq` with its encoded payload.
 *
 * @example
 * ```ts
 * const bytes = encodeFrame(7, await encodeChanges(entry.changes, codec));
 * ```
 */
export function encodeFrame(seq: number, payload: Uint8Array): Buffer {
  const frame = Buffer.alloc(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeBigUInt64LE(BigInt(seq), 8);
  frame.set(payload, FRAME_HEADER_BYTES);
  frame.writeUInt32LE(crc32(frame.subarray(8)), 4);
  return frame;
}

/**
 * Reads a journal file. Stops at the first incomplete or CRC-failing frame at the tail (a torn
 * write: the commit it carried was never acknowledged). Gives `EngineError('STORAGE')` for a
 * bad header, a damaged frame followed by valid ones (damage, not a torn tail) or a seq out of
 * order.
 *
 * @example
 * ```ts
 * const { baseSeq, frames, goodLength } = parseJournal(bytes, '/data/shop.rpma/journal');
 * ```
 */
export function parseJournal(bytes: Uint8Array, where: string): ParsedJournal {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < JOURNAL_HEADER_BYTES || !buf.subarray(0, 8).equals(JOURNAL_MAGIC)) {
    throw new EngineError('STORAGE', `${where} is not an RPMA journal (bad header)`, { details: { where } });
  }
  const baseSeq = Number(buf.readBigUInt64LE(8));
  const frames: JournalFrame[] = [];
  let offset = JOURNAL_HEADER_BYTES;
  while (offset < buf.length) {
    const frame = frameAt(buf, offset);
    if (frame === 'torn') break;
    if (frame === 'bad-crc') {
      const skip = offset + FRAME_HEADER_BYTES + buf.readUInt32LE(offset);
      if (typeof frameAt(buf, skip) === 'object') {
        throw new EngineError(
          'STORAGE',
          `${where} is damaged at byte ${offset} (a frame fails its checksum)`,
          {
            details: { where, offset },
          },
        );
      }
      break;
    }
    const expected = baseSeq + frames.length + 1;
    if (frame.seq !== expected) {
      throw new EngineError(
        'STORAGE',
        `${where} is out of order: expected entry ${expected}, found ${frame.seq}`,
        {
          details: { where, expected, found: frame.seq },
        },
      );
    }
    frames.push(frame);
    offset = frame.end;
  }
  return { baseSeq, frames, goodLength: offset };
}

function frameAt(buf: Buffer, offset: number): JournalFrame | 'torn' | 'bad-crc' {
  if (buf.length - offset < FRAME_HEADER_BYTES) return 'torn';
  const length = buf.readUInt32LE(offset);
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buf.length) return 'torn';
  if (crc32(buf.subarray(offset + 8, end)) !== buf.readUInt32LE(offset + 4)) return 'bad-crc';
  const seq = Number(buf.readBigUInt64LE(offset + 8));
  return { seq, payload: buf.subarray(offset + FRAME_HEADER_BYTES, end), start: offset, end };
}

/**
 * A snapshot file for `payload` covering the entries up to `seq`.
 *
 * @example
 * ```ts
 * await writeDurably(fs, dir, 'snapshot', encodeSnapshot(120, await encodeBytes(db.export(), codec, 'snapshot')));
 * ```
 */
export function encodeSnapshot(seq: number, payload: Uint8Array): Buffer {
  const file = Buffer.alloc(SNAPSHOT_HEADER_BYTES + payload.length);
  SNAPSHOT_MAGIC.copy(file, 0);
  file.writeBigUInt64LE(BigInt(seq), 8);
  file.writeBigUInt64LE(BigInt(payload.length), 16);
  file.writeUInt32LE(crc32(payload), 24);
  file.set(payload, SNAPSHOT_HEADER_BYTES);
  return file;
}

/**
 * Reads a snapshot file. Snapshots are written whole (temp file + rename), so any mismatch —
 * header, length or CRC — is damage and gives `EngineError('STORAGE')`.
 *
 * @example
 * ```ts
 * const { seq, payload } = parseSnapshot(bytes, '/data/shop.rpma/snapshot');
 * ```
 */
export function parseSnapshot(bytes: Uint8Array, where: string): { seq: number; payload: Uint8Array } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < SNAPSHOT_HEADER_BYTES || !buf.subarray(0, 8).equals(SNAPSHOT_MAGIC)) {
    throw new EngineError('STORAGE', `${where} is not an RPMA snapshot (bad header)`, { details: { where } });
  }
  const seq = Number(buf.readBigUInt64LE(8));
  const length = Number(buf.readBigUInt64LE(16));
  const payload = new Uint8Array(
    buf.buffer,
    buf.byteOffset + SNAPSHOT_HEADER_BYTES,
    buf.length - SNAPSHOT_HEADER_BYTES,
  );
  if (payload.length !== length || crc32(payload) !== buf.readUInt32LE(24)) {
    throw new EngineError('STORAGE', `${where} is damaged (length or checksum mismatch)`, {
      details: { where, expectedLength: length, actualLength: payload.length },
    });
  }
  return { seq, payload };
}
