import { asciiAt, withoutRanges } from './byte-utils.js';
import { stripExifGps } from './exif-tiff.js';
import type { ByteRange, ImageStructure } from './image-structure.js';
import { refusePhoto } from './photo-refusal.js';

const XMP_ID = 'http://ns.adobe.com/xap/1.0/';
const XMP_EXTENDED_ID = 'http://ns.adobe.com/xmp/extension/';

/**
 * Walks a JPEG's markers from SOI to EOI: dimensions from the SOF header, EXIF and XMP
 * segments, and the offset just after EOI. The entropy-coded data is skipped with a native
 * byte search, never decoded. A stream that stops before EOI is `TRUNCATED`.
 *
 * @example
 * ```ts
 * const { width, height, end } = parseJpeg(bytes);
 * ```
 */
export function parseJpeg(bytes: Uint8Array): ImageStructure {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8)
    throw refusePhoto('MALFORMED', 'the JPEG does not start with SOI');
  const structure: ImageStructure = {
    format: 'jpeg',
    width: 0,
    height: 0,
    maxDeclaredPixels: 0,
    end: 0,
    metadata: [],
    exif: [],
    xmp: [],
  };
  let pos = 2;
  for (;;) {
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) throw refusePhoto('TRUNCATED', 'the JPEG ends before its end-of-image marker');
    if (bytes[pos - 1] !== 0xff) throw refusePhoto('MALFORMED', `no JPEG marker at offset ${pos}`);
    const marker = bytes[pos]!;
    if (marker === 0xd9) {
      structure.end = pos + 1;
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos++;
      continue;
    }
    if (pos + 3 > bytes.length) throw refusePhoto('TRUNCATED', 'the JPEG ends inside a segment header');
    const length = (bytes[pos + 1]! << 8) | bytes[pos + 2]!;
    if (length < 2) throw refusePhoto('MALFORMED', `JPEG segment with length ${length}`);
    const start = pos + 3;
    const end = pos + 1 + length;
    if (end > bytes.length) throw refusePhoto('TRUNCATED', 'the JPEG ends inside a segment');
    readSegment(bytes, marker, start, end, structure);
    pos = marker === 0xda ? skipEntropyCoded(bytes, end) : end;
  }
  if (structure.width === 0 || structure.height === 0) {
    throw refusePhoto('MALFORMED', 'the JPEG has no frame header with its dimensions');
  }
  return structure;
}

function readSegment(bytes: Uint8Array, marker: number, start: number, end: number, s: ImageStructure): void {
  const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
  if (isFrame) {
    if (end - start < 6) throw refusePhoto('MALFORMED', 'the JPEG frame header is too short');
    const height = (bytes[start + 1]! << 8) | bytes[start + 2]!;
    const width = (bytes[start + 3]! << 8) | bytes[start + 4]!;
    if (s.width === 0) {
      s.width = width;
      s.height = height;
    }
    s.maxDeclaredPixels = Math.max(s.maxDeclaredPixels, width * height);
    return;
  }
  if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) s.metadata.push([start, end]);
  if (marker !== 0xe1) return;
  if (asciiAt(bytes, start, 'Exif\0\0')) s.exif.push([start + 6, end]);
  else if (asciiAt(bytes, start, XMP_ID) || asciiAt(bytes, start, XMP_EXTENDED_ID)) {
    s.xmp.push([start, end]);
  }
}

/** From the end of an SOS header, the offset of the next marker that is not a restart marker. */
function skipEntropyCoded(bytes: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = bytes.indexOf(0xff, i);
    if (i < 0 || i + 1 >= bytes.length) {
      throw refusePhoto('TRUNCATED', 'the JPEG ends inside its image data');
    }
    const next = bytes[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      i += next === 0xff ? 1 : 2;
      continue;
    }
    return i + 1;
  }
}

/**
 * A copy of the JPEG without location data: GPS removed from the EXIF segment (a block that
 * does not parse is dropped whole) and every XMP segment dropped. Other metadata (orientation,
 * capture time) is kept.
 *
 * @example
 * ```ts
 * const clean = stripJpegLocation(bytes, parseJpeg(bytes));
 * ```
 */
export function stripJpegLocation(bytes: Uint8Array, structure: ImageStructure): Uint8Array {
  const out = bytes.slice(0, structure.end);
  const drop: ByteRange[] = structure.xmp.map(([start, end]): ByteRange => [start - 4, end]);
  for (const [start, end] of structure.exif) {
    if (!stripExifGps(out.subarray(start, end))) drop.push([start - 10, end]);
  }
  return drop.length === 0 ? out : withoutRanges(out, drop);
}
