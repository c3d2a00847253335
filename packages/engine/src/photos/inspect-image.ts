import { asciiAt, fourcc, u32be } from './byte-utils.js';
import { readExif } from './exif-tiff.js';
import { HEIF_BRANDS, parseHeif, stripHeifLocation } from './heif-structure.js';
import { IMAGE_MIME, type ImageFormat, type ImageStructure } from './image-structure.js';
import { parseJpeg, stripJpegLocation } from './jpeg-structure.js';
import { refusePhoto } from './photo-refusal.js';
import { parsePng, stripPngLocation } from './png-structure.js';
import { parseWebp, stripWebpLocation } from './webp-structure.js';

/**
 * Upload caps. Defaults: 20 MB and 50 megapixels.
 *
 * @example
 * ```ts
 * const limits: PhotoLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 24_000_000 };
 * ```
 */
export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

/** The caps used when the organisation sets none. */
export const DEFAULT_PHOTO_LIMITS: Readonly<PhotoLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 50_000_000,
};

/**
 * An upload that passed every check, with what its headers say.
 *
 * @example
 * ```ts
 * const image = inspectImage(bytes); // { format: 'jpeg', mime: 'image/jpeg', width: 4032, … }
 * ```
 */
export interface InspectedImage {
  format: ImageFormat;
  mime: string;
  width: number;
  height: number;
  /** EXIF orientation 1–8, or null. */
  orientation: number | null;
  /** EXIF DateTimeOriginal as ISO-8601 UTC, or null. */
  captureTime: string | null;
  /** True when EXIF GPS or an XMP packet is present. */
  hasLocation: boolean;
  structure: ImageStructure;
}

const ACTIVE_CONTENT = [
  '<script',
  '<html',
  '<?php',
  '<iframe',
  '<svg',
  '<!doctype',
  '<body',
  '<object',
  '<embed',
];
const ARCHIVES = ['PK\x03\x04', '%PDF-', 'Rar!', '7z\xbc\xaf'];

/**
 * The image type by magic bytes, whatever the file is called or declares: JPEG (`FF D8 FF`),
 * PNG (its 8-byte signature), WebP (`RIFF…WEBP`), HEIC/HEIF (an `ftyp` box with a HEIF brand).
 *
 * @example
 * ```ts
 * sniffImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // 'jpeg'
 * ```
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (asciiAt(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP')) return 'webp';
  if (asciiAt(bytes, 4, 'ftyp')) {
    const size = u32be(bytes, 0);
    const end = Math.min(size, bytes.length);
    if (size < 16) return null;
    const brands = [fourcc(bytes, 8)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(fourcc(bytes, at));
    const avif = brands[0] === 'avif' || brands[0] === 'avis';
    if (!avif && brands.some((b) => HEIF_BRANDS.has(b))) return 'heic';
  }
  return null;
}

/**
 * Every check an upload goes through before anything is stored, cheapest first: empty, size
 * cap, type by magic bytes, header walk (truncation, malformed structure), pixel cap from the
 * headers (no decoding, so a decompression bomb costs nothing), bytes appended after the image
 * (polyglots; only zero padding and the extra JPEG pictures of a multi-picture JPEG are allowed)
 * and markup or archives smuggled into metadata. Each refusal is `EngineError('VALIDATION')`
 * with `details.reason` (a {@link PhotoRefusalReason}).
 *
 * @example
 * ```ts
 * const image = inspectImage(bytes, { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000 });
 * ```
 */
export function inspectImage(bytes: Uint8Array, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): InspectedImage {
  if (bytes.length === 0) throw refusePhoto('EMPTY', 'the file is empty');
  if (bytes.length > limits.maxBytes) {
    throw refusePhoto('TOO_LARGE', `${bytes.length} bytes is over the ${limits.maxBytes}-byte cap`, {
      size: bytes.length,
      maxBytes: limits.maxBytes,
    });
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw refusePhoto('UNKNOWN_TYPE', 'not a JPEG, PNG, WebP or HEIC file (by its content)');
  const structure = parseStructure(format, bytes);
  const pixels = Math.max(structure.width * structure.height, structure.maxDeclaredPixels);
  if (pixels > limits.maxPixels) {
    throw refusePhoto('TOO_MANY_PIXELS', `${structure.width} × ${structure.height} is over the pixel cap`, {
      width: structure.width,
      height: structure.height,
      maxPixels: limits.maxPixels,
    });
  }
  checkTrailing(format, bytes, structure.end);
  for (const [start, end] of structure.metadata) checkNoActiveContent(bytes, start, end);
  const exif = structure.exif.length > 0 ? readExif(bytes.subarray(...structure.exif[0]!)) : null;
  return {
    format,
    mime: IMAGE_MIME[format],
    width: structure.width,
    height: structure.height,
    orientation: exif?.orientation ?? null,
    captureTime: exif?.captureTime ?? null,
    hasLocation:
      structure.xmp.length > 0 ||
      structure.exif.some((r) => readExif(bytes.subarray(...r))?.hasGps !== false),
    structure,
  };
}

/**
 * A copy of an inspected image without location metadata (EXIF GPS, XMP), appended data
 * dropped. Pixels are untouched: nothing is re-encoded.
 *
 * @example
 * ```ts
 * const stored = image.hasLocation && !keepLocation ? stripLocation(bytes, image) : bytes;
 * ```
 */
export function stripLocation(bytes: Uint8Array, image: InspectedImage): Uint8Array {
  switch (image.format) {
    case 'jpeg':
      return stripJpegLocation(bytes, image.structure);
    case 'png':
      return stripPngLocation(bytes, image.structure);
    case 'webp':
      return stripWebpLocation(bytes, image.structure);
    case 'heic':
      return stripHeifLocation(bytes, image.structure);
  }
}

function parseStructure(format: ImageFormat, bytes: Uint8Array): ImageStructure {
  switch (format) {
    case 'jpeg':
      return parseJpeg(bytes);
    case 'png':
      return parsePng(bytes);
    case 'webp':
      return parseWebp(bytes);
    case 'heic':
      return parseHeif(bytes);
  }
}

function checkTrailing(format: ImageFormat, bytes: Uint8Array, end: number, depth = 0): void {
  if (end >= bytes.length) return;
  const rest = bytes.subarray(end);
  if (rest.every((b) => b === 0)) return;
  if (format === 'jpeg' && depth < 8 && sniffImageFormat(rest) === 'jpeg') {
    try {
      const next = parseJpeg(rest);
      checkTrailing(format, rest, next.end, depth + 1);
      return;
    } catch {
      // an appended stream that is not a whole JPEG is reported as a polyglot below
    }
  }
  throw refusePhoto('POLYGLOT', `${rest.length} bytes follow the end of the ${format} image`, {
    trailingBytes: rest.length,
  });
}

function checkNoActiveContent(bytes: Uint8Array, start: number, end: number): void {
  const region = bytes.subarray(start, end);
  for (const signature of [...ACTIVE_CONTENT, ...ARCHIVES]) {
    const first = signature.charCodeAt(0);
    for (let at = region.indexOf(first); at >= 0; at = region.indexOf(first, at + 1)) {
      if (at + signature.length > region.length) break;
      if (matchesIgnoringCase(region, at, signature)) {
        throw refusePhoto(
          'POLYGLOT',
          `the image metadata carries "${signature.replace(/[^\x20-\x7e]/g, '.')}"`,
          {
            offset: start + at,
          },
        );
      }
    }
  }
}

function matchesIgnoringCase(bytes: Uint8Array, at: number, signature: string): boolean {
  for (let i = 1; i < signature.length; i++) {
    const b = bytes[at + i]!;
    const lower = b >= 0x41 && b <= 0x5a ? b + 32 : b;
    if (lower !== signature.charCodeAt(i) && b !== signature.charCodeAt(i)) return false;
  }
  return true;
}
