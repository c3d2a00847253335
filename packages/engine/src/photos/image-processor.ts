import type { ImageFormat } from './image-structure.js';

/**
 * A thumbnail the processor made: a JPEG whose longest side is at most the asked size,
 * oriented as the photo is shown, without any metadata.
 */
export interface Thumbnail {
  bytes: Uint8Array;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

/**
 * Decodes photos that passed the upload checks and makes their thumbnails. Bound under
 * `PHOTO_TOKENS.ImageProcessor`: {@link canvasImageProcessor} in browsers (createImageBitmap +
 * OffscreenCanvas), `sharpImageProcessor()` in Node (`@rpma/engine/node`).
 *
 * @example
 * ```ts
 * if (processor.supports('jpeg')) {
 *   const thumb = await processor.thumbnail(bytes, { maxSide: 320, maxPixels: 50_000_000 });
 * }
 * ```
 */
export interface ImageProcessor {
  /** A short name for messages, like `'sharp'`. */
  readonly name: string;
  /** True when this processor can decode `format` (HEIC often cannot be, for licensing reasons). */
  supports(format: ImageFormat): boolean;
  /**
   * A JPEG thumbnail no larger than `maxSide` on its longest side. A photo that does not decode
   * is refused with `EngineError('VALIDATION')`, `details.reason: 'UNDECODABLE'`.
   */
  thumbnail(bytes: Uint8Array, options: { maxSide: number; maxPixels: number }): Promise<Thumbnail>;
}

/**
 * The size of a thumbnail of a `width` × `height` image whose longest side is at most `maxSide`
 * (never enlarged, never below 1 px).
 *
 * @example
 * ```ts
 * fitWithin(4032, 3024, 320); // { width: 320, height: 240 }
 * ```
 */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
