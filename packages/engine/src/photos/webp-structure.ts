import { asciiAt, fourcc, withoutRanges } from './byte-utils.js';
import { stripExifGps } from './exif-tiff.js';
import type { ByteRange, ImageStructure } from './image-structure.js';
import { refusePhoto } from './photo-refusal.js';

const PIXEL_CHUNKS = new Set(['VP8 ', 'VP8L', 'ALPH', 'ANMF']);
const VP8X_XMP_FLAG = 0x04;

/**
 * Walks a WebP's RIFF chunks: dimensions from `VP8X`, `VP8 ` or `VP8L`, EXIF and XMP chunks,
 * and the RIFF end. A file shorter than its RIFF size is `TRUNCATED`.
 *
 * @example
 * ```ts
 * const { width, height } = parseWebp(bytes);
 * ```
 */
export function parseWebp(bytes: Uint8Array): ImageStructure {
  if (!asciiAt(bytes, 0, 'RIFF') || !asciiAt(bytes, 8, 'WEBP'))
    throw refusePhoto('MALFORMED', 'bad WebP header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = view.getUint32(4, true) + 8;
  if (riffEnd > bytes.length) throw refusePhoto('TRUNCATED', 'the WebP is shorter than its RIFF size');
  const s: ImageStructure = {
    format: 'webp',
    width: 0,
    height: 0,
    maxDeclaredPixels: 0,
    end: riffEnd,
    metadata: [],
    exif: [],
    xmp: [],
  };
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw refusePhoto('MALFORMED', 'a WebP chunk header crosses the RIFF end');
    const type = fourcc(bytes, pos);
    const length = view.getUint32(pos + 4, true);
    const start = pos + 8;
    const end = start + length + (length % 2);
    if (start + length > riffEnd) throw refusePhoto('TRUNCATED', `the WebP ends inside its ${type} chunk`);
    readChunk(bytes, view, type, start, length, s);
    if (type === 'EXIF') s.exif.push([start, start + length]);
    if (type === 'XMP ') s.xmp.push([pos, end]);
    if (!PIXEL_CHUNKS.has(type)) s.metadata.push([start, start + length]);
    pos = end;
  }
  if (s.width === 0 || s.height === 0) throw refusePhoto('MALFORMED', 'the WebP has no image header');
  return s;
}

function readChunk(
  bytes: Uint8Array,
  view: DataView,
  type: string,
  start: number,
  length: number,
  s: ImageStructure,
): void {
  let width = 0;
  let height = 0;
  if (type === 'VP8X' && length >= 10) {
    width = 1 + (view.getUint32(start + 4, true) & 0xffffff);
    height = 1 + (view.getUint32(start + 6, true) >>> 8);
  } else if (type === 'VP8 ' && length >= 10) {
    if (bytes[start + 3] !== 0x9d || bytes[start + 4] !== 0x01 || bytes[start + 5] !== 0x2a) {
      throw refusePhoto('MALFORMED', 'bad VP8 frame header');
    }
    width = view.getUint16(start + 6, true) & 0x3fff;
    height = view.getUint16(start + 8, true) & 0x3fff;
  } else if (type === 'VP8L' && length >= 5) {
    if (bytes[start] !== 0x2f) throw refusePhoto('MALFORMED', 'bad VP8L signature');
    const bits = view.getUint32(start + 1, true);
    width = 1 + (bits & 0x3fff);
    height = 1 + ((bits >>> 14) & 0x3fff);
  } else {
    return;
  }
  if (s.width === 0) {
    s.width = width;
    s.height = height;
  }
  s.maxDeclaredPixels = Math.max(s.maxDeclaredPixels, width * height);
}

/**
 * A copy of the WebP without location data: GPS removed from the EXIF chunk (a block that does
 * not parse is dropped whole), XMP chunks dropped, the RIFF size and VP8X flags updated.
 *
 * @example
 * ```ts
 * const clean = stripWebpLocation(bytes, parseWebp(bytes));
 * ```
 */
export function stripWebpLocation(bytes: Uint8Array, structure: ImageStructure): Uint8Array {
  const copy = bytes.slice(0, structure.end);
  const drop: ByteRange[] = [...structure.xmp];
  for (const [start, end] of structure.exif) {
    if (!stripExifGps(copy.subarray(start, end))) drop.push([start - 8, end + ((end - start) % 2)]);
  }
  const out = withoutRanges(copy, drop);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(4, out.length - 8, true);
  if (asciiAt(out, 12, 'VP8X')) {
    const exifDropped = structure.exif.length > 0 && drop.length > structure.xmp.length;
    let flags = out[20]! & ~(structure.xmp.length > 0 ? VP8X_XMP_FLAG : 0);
    if (exifDropped) flags &= ~0x08;
    out[20] = flags;
  }
  return out;
}
