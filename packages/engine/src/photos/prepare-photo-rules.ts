import type { ImageProcessor, Thumbnail } from './image-processor.js';
import { type InspectedImage, inspectImage, stripLocation } from './inspect-image.js';
import type { PhotoSettings } from './photo-model.js';
import { sha256Hex } from './sha256.js';

/**
 * A photo ready to store: checked, location stripped (unless kept), hashed, with its thumbnail.
 */
export interface PreparedPhoto {
  image: InspectedImage;
  /** The bytes to store (the upload, minus location metadata unless kept). */
  bytes: Uint8Array;
  sha256: string;
  thumbnail: Thumbnail | null;
  locationStripped: boolean;
}

/**
 * Everything an upload goes through before anything is stored: {@link inspectImage} (type by
 * magic bytes, caps, truncation, polyglots — refused with `VALIDATION` and a reason), location
 * stripping unless the organisation keeps it, SHA-256 of the bytes to store, and the thumbnail
 * (a photo the processor cannot decode is refused, except a format it does not support at all,
 * which is stored without a thumbnail).
 *
 * @example
 * ```ts
 * const ready = await preparePhoto(bytes, DEFAULT_PHOTO_SETTINGS, sharpImageProcessor());
 * ```
 */
export async function preparePhoto(
  upload: Uint8Array,
  settings: PhotoSettings,
  processor: ImageProcessor,
): Promise<PreparedPhoto> {
  const image = inspectImage(upload, settings);
  const strip = image.hasLocation && !settings.keepLocation;
  const bytes = strip ? stripLocation(upload, image) : upload;
  const thumbnail = processor.supports(image.format)
    ? await processor.thumbnail(bytes, { maxSide: settings.thumbnailSide, maxPixels: settings.maxPixels })
    : null;
  return { image, bytes, sha256: await sha256Hex(bytes), thumbnail, locationStripped: strip };
}
