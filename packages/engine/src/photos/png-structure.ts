import { asciiAt, fourcc, u32be, withoutRanges } from './byte-utils.js';
import type { ByteRange, ImageStructure } from './image-structure.js';
import { refusePhoto } from './photo-refusal.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PIXEL_CHUNKS = new Set(['IDAT', 'fdAT']);

/**
 * Walks a PNG's chunks from the signature to IEND: dimensions from IHDR (which must come
 * first), text and EXIF chunks, and the offset just after IEND. Pixel data is never inflated.
 *
 * @example
 * ```ts
 * const { width, height } = parsePng(bytes);
 * ```
 */
export function parsePng(bytes: Uint8Array): ImageStructure {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw refusePhoto('MALFORMED', 'bad PNG signature');
  const s: ImageStructure = {
    format: 'png',
    width: 0,
    height: 0,
    maxDeclaredPixels: 0,
    end: 0,
    metadata: [],
    exif: [],
    xmp: [],
  };
  let pos = 8;
  for (;;) {
    if (pos + 8 > bytes.length) throw refusePhoto('TRUNCATED', 'the PNG ends before its IEND chunk');
    const length = u32be(bytes, pos);
    const type = fourcc(bytes, pos + 4);
    const start = pos + 8;
    const end = start + length + 4;
    if (end > bytes.length) throw refusePhoto('TRUNCATED', `the PNG ends inside its ${type} chunk`);
    if (pos === 8) {
      if (type !== 'IHDR' || length !== 13)
        throw refusePhoto('MALFORMED', 'the PNG does not start with IHDR');
      s.width = u32be(bytes, start);
      s.height = u32be(bytes, start + 4);
      s.maxDeclaredPixels = s.width * s.height;
    } else if (type === 'IEND') {
      s.end = end;
      break;
    } else if (type === 'eXIf') {
      s.exif.push([start, start + length]);
    } else if (type === 'iTXt' && asciiAt(bytes, start, 'XML:com.adobe.xmp\0')) {
      s.xmp.push([pos, end]);
    }
    if (!PIXEL_CHUNKS.has(type)) s.metadata.push([start, start + length]);
    pos = end;
  }
  if (s.width === 0 || s.height === 0) throw refusePhoto('MALFORMED', 'the PNG declares a zero dimension');
  return s;
}

/**
 * A copy of the PNG without location data: its `eXIf` chunk and XMP text chunks dropped
 * (PNG viewers ignore EXIF orientation, so nothing visible is lost).
 *
 * @example
 * ```ts
 * const clean = stripPngLocation(bytes, parsePng(bytes));
 * ```
 */
export function stripPngLocation(bytes: Uint8Array, structure: ImageStructure): Uint8Array {
  const drop: ByteRange[] = [
    ...structure.xmp,
    ...structure.exif.map(([start, end]): ByteRange => [start - 8, end + 4]),
  ];
  return withoutRanges(bytes.subarray(0, structure.end), drop);
}
