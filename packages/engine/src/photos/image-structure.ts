/**
 * What the header parsers learn about an image file without decoding a single pixel.
 */

/**
 * The image types an upload may be. Anything else is refused.
 *
 * @example
 * ```ts
 * const format: ImageFormat = 'heic';
 * ```
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic';

/** The MIME type recorded for each format (the uploader's declared type is not trusted). */
export const IMAGE_MIME: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** A half-open byte range `[start, end)` in the file. */
export type ByteRange = readonly [start: number, end: number];

/**
 * The structure of one image file, from its headers.
 *
 * @example
 * ```ts
 * const s = parseJpeg(bytes); // { format: 'jpeg', width: 4032, height: 3024, end: bytes.length, … }
 * ```
 */
export interface ImageStructure {
  format: ImageFormat;
  width: number;
  height: number;
  /** The largest pixel count any header of the file declares (tiles, thumbnails, frames included). */
  maxDeclaredPixels: number;
  /** Offset just past the image's last structure (JPEG EOI, PNG IEND, RIFF end, last box). */
  end: number;
  /** Metadata regions (never pixel data), checked for smuggled markup or script. */
  metadata: ByteRange[];
  /** EXIF TIFF blocks. */
  exif: ByteRange[];
  /** XMP packets, which may carry location too. */
  xmp: ByteRange[];
}
