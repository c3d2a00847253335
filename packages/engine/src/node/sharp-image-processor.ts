import type { Sharp, SharpOptions } from 'sharp';
import { isEngineError } from '../kernel/engine-error.js';
import type { ImageProcessor, Thumbnail } from '../photos/image-processor.js';
import type { ImageFormat } from '../photos/image-structure.js';
import { refusePhoto } from '../photos/photo-refusal.js';

type SharpFactory = (input: Uint8Array, options: SharpOptions) => Sharp;

const DECODABLE = new Set<ImageFormat>(['jpeg', 'png', 'webp']);

/**
 * The Node {@link ImageProcessor} on sharp (libvips), an optional peer dependency loaded on first
 * use. Input is limited to the pixel cap again (`limitInputPixels`), decoding stops at the first
 * error, the thumbnail is auto-oriented from EXIF and written without metadata. Prebuilt sharp
 * cannot decode HEVC, so `supports('heic')` is false.
 *
 * @example
 * ```ts
 * import { sharpImageProcessor } from '@rpma/engine/node';
 * const thumb = await sharpImageProcessor().thumbnail(bytes, { maxSide: 320, maxPixels: 50_000_000 });
 * ```
 */
export function sharpImageProcessor(quality = 80): ImageProcessor {
  let loaded: Promise<SharpFactory> | undefined;
  const load = () => {
    loaded ??= import('sharp').then((m) => m.default as unknown as SharpFactory);
    return loaded;
  };
  return {
    name: 'sharp',
    supports: (format) => DECODABLE.has(format),
    async thumbnail(bytes, { maxSide, maxPixels }): Promise<Thumbnail> {
      const sharp = await load();
      try {
        const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
          .rotate()
          .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality })
          .toBuffer({ resolveWithObject: true });
        return { bytes: new Uint8Array(data), width: info.width, height: info.height, mime: 'image/jpeg' };
      } catch (error) {
        if (isEngineError(error)) throw error;
        throw refusePhoto('UNDECODABLE', `sharp could not decode the image: ${(error as Error).message}`);
      }
    },
  };
}
