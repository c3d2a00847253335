/**
 * Reading and location-stripping of an EXIF block (a TIFF structure), wherever the container
 * keeps it (JPEG APP1, WebP `EXIF` chunk, PNG `eXIf`, HEIF `Exif` item). Everything is bounds-
 * checked; a block that does not parse is reported as `null` and callers blank it whole.
 */

/** What the photo service keeps from EXIF. */
export interface ExifSummary {
  /** ISO-8601 UTC of DateTimeOriginal (with OffsetTimeOriginal when present, else read as UTC). */
  captureTime: string | null;
  /** TIFF orientation 1–8, or null. */
  orientation: number | null;
  /** True when the block has a GPS IFD. */
  hasGps: boolean;
}

const TAG_ORIENTATION = 0x0112;
const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

interface Entry {
  /** Offset of the 12-byte entry in the block. */
  at: number;
  tag: number;
  type: number;
  count: number;
  /** Offset of the value bytes (inline or out of line) and their length. */
  valueAt: number;
  valueLength: number;
}

class Tiff {
  readonly view: DataView;
  readonly little: boolean;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const order = this.u16raw(0);
    if (order !== 0x4949 && order !== 0x4d4d) throw new RangeError('not a TIFF byte order');
    this.little = order === 0x4949;
    if (this.u16(2) !== 42) throw new RangeError('not a TIFF header');
  }

  u16raw(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at);
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, this.little);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, this.little);
  }

  check(at: number, length: number): void {
    if (at < 0 || length < 0 || at + length > this.bytes.length)
      throw new RangeError('EXIF offset out of range');
  }

  /** The entries of the IFD at `offset`, and where its entry table ends. */
  ifd(offset: number): { entries: Entry[]; count: number } {
    const count = this.u16(offset);
    this.check(offset + 2, count * 12 + 4);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const type = this.u16(at + 2);
      const n = this.u32(at + 4);
      const valueLength = (TYPE_SIZES[type] ?? 1) * n;
      const valueAt = valueLength <= 4 ? at + 8 : this.u32(at + 8);
      this.check(valueAt, valueLength);
      entries.push({ at, tag: this.u16(at), type, count: n, valueAt, valueLength });
    }
    return { entries, count };
  }

  ascii(entry: Entry): string {
    let text = '';
    for (let i = 0; i < entry.valueLength; i++) {
      const c = this.bytes[entry.valueAt + i]!;
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text;
  }
}

/**
 * Reads capture time, orientation and the presence of GPS data from an EXIF TIFF block.
 * Returns null when the block does not parse.
 *
 * @example
 * ```ts
 * readExif(tiffBytes); // { captureTime: '2026-05-04T09:30:00.000Z', orientation: 1, hasGps: true }
 * ```
 */
export function readExif(tiff: Uint8Array): ExifSummary | null {
  try {
    const t = new Tiff(tiff);
    const ifd0 = t.ifd(t.u32(4)).entries;
    const orientationEntry = ifd0.find((e) => e.tag === TAG_ORIENTATION && e.type === 3);
    const exifPointer = ifd0.find((e) => e.tag === TAG_EXIF_IFD);
    let captureTime: string | null = null;
    if (exifPointer) {
      const sub = t.ifd(t.u32(exifPointer.valueAt)).entries;
      const original = sub.find((e) => e.tag === TAG_DATE_TIME_ORIGINAL && e.type === 2);
      const offset = sub.find((e) => e.tag === TAG_OFFSET_TIME_ORIGINAL && e.type === 2);
      if (original) captureTime = exifDateToIso(t.ascii(original), offset ? t.ascii(offset) : null);
    }
    return {
      captureTime,
      orientation: orientationEntry ? t.u16(orientationEntry.valueAt) : null,
      hasGps: ifd0.some((e) => e.tag === TAG_GPS_IFD),
    };
  } catch {
    return null;
  }
}

/**
 * Removes GPS data from an EXIF TIFF block in place, keeping its length (so the container's
 * offsets stay valid): every GPS value and the GPS IFD are zeroed and the GPS pointer is
 * removed from IFD0. Returns false when the block does not parse (the caller then blanks it).
 *
 * @example
 * ```ts
 * if (!stripExifGps(tiffBytes)) tiffBytes.fill(0);
 * ```
 */
export function stripExifGps(tiff: Uint8Array): boolean {
  try {
    const t = new Tiff(tiff);
    const ifd0Offset = t.u32(4);
    const ifd0 = t.ifd(ifd0Offset);
    const index = ifd0.entries.findIndex((e) => e.tag === TAG_GPS_IFD);
    if (index < 0) return true;
    const gpsOffset = t.u32(ifd0.entries[index]!.valueAt);
    const gps = t.ifd(gpsOffset);
    for (const entry of gps.entries) tiff.fill(0, entry.valueAt, entry.valueAt + entry.valueLength);
    tiff.fill(0, gpsOffset, gpsOffset + 2 + gps.count * 12 + 4);
    const tableEnd = ifd0Offset + 2 + ifd0.count * 12;
    const entryAt = ifd0Offset + 2 + index * 12;
    tiff.copyWithin(entryAt, entryAt + 12, tableEnd + 4);
    tiff.fill(0, tableEnd - 8, tableEnd + 4);
    t.view.setUint16(ifd0Offset, ifd0.count - 1, t.little);
    return true;
  } catch {
    return false;
  }
}

function exifDateToIso(value: string, offset: string | null): string | null {
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
