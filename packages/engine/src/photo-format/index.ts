/**
 * `@rpma/engine/photo-format`: the synchronous photo format helpers (format sniffing, JPEG, PNG,
 * WebP and HEIF structure checks, EXIF reading, GPS and location stripping). Kept off the main
 * entry so that their parsers are not fetched at start; `photos.upload` loads the same code on
 * its first call.
 *
 * @example
 * ```ts
 * import { inspectImage, readExif, stripLocation } from '@rpma/engine/photo-format';
 *
 * const image = inspectImage(bytes, 'image/jpeg');
 * const exif = readExif(bytes);
 * const clean = stripLocation(bytes, image.format);
 * ```
 */
export type { ExifSummary } from '../photos/exif-tiff.js';
export { readExif, stripExifGps } from '../photos/exif-tiff.js';
export type { InspectedImage, PhotoLimits } from '../photos/inspect-image.js';
export {
  DEFAULT_PHOTO_LIMITS,
  inspectImage,
  sniffImageFormat,
  stripLocation,
} from '../photos/inspect-image.js';
