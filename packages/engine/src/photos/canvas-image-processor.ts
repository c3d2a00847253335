import { isEngineError } from '../kernel/engine-error.js';
import { fitWithin, type ImageProcessor, type Thumbnail } from './image-processor.js';
import type { ImageFormat } from './image-structure.js';
import { refusePhoto } from './photo-refusal.js';

const DECODABLE = new Set<ImageFormat>(['jpeg', 'png', 'webp']);

/**
 * The browser {@link ImageProcessor}: `createImageBitmap` decodes (honouring EXIF orientation)
 * and resizes, an `OffscreenCanvas` encodes the JPEG thumbnail. Works in windows and workers.
 * HEIC is not decoded by Chromium or Firefox, so `supports('heic')` is false.
 *
 * @example
 * ```ts
 * const processor = canvasImageProcessor();
 * const thumb = await processor.thumbnail(bytes, { maxSide: 320, maxPixels: 50_000_000 });
 * ```
 */
export function canvasImageProcessor(quality = 0.8): ImageProcessor {
  return {
    name: 'canvas',
    supports: (format) => DECODABLE.has(format),
    async thumbnail(bytes, { maxSide, maxPixels }): Promise<Thumbnail> {
      let bitmap: ImageBitmap | undefined;
      try {
        const source = new Blob([bytes.slice()]);
        const full = await createImageBitmap(source, { imageOrientation: 'from-image' });
        if (full.width * full.height > maxPixels) {
          full.close();
          throw refusePhoto('TOO_MANY_PIXELS', `${full.width} × ${full.height} is over the pixel cap`);
        }
        const size = fitWithin(full.width, full.height, maxSide);
        full.close();
        bitmap = await createImageBitmap(source, {
          imageOrientation: 'from-image',
          resizeWidth: size.width,
          resizeHeight: size.height,
          resizeQuality: 'high',
        });
        const canvas = new OffscreenCanvas(size.width, size.height);
        const context = canvas.getContext('2d');
        if (!context) throw refusePhoto('UNDECODABLE', 'no 2D canvas available');
        context.drawImage(bitmap, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        return { bytes: new Uint8Array(await blob.arrayBuffer()), ...size, mime: 'image/jpeg' };
      } catch (error) {
        if (isEngineError(error)) throw error;
        throw refusePhoto('UNDECODABLE', `the browser could not decode the image: ${String(error)}`);
      } finally {
        bitmap?.close();
      }
    },
  };
}
