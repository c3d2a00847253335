import type { CollectionSchema } from '../storage/contract.js';
import type { ImageFormat } from './image-structure.js';

/**
 * A stored photo of an intervention step. The bytes live in the `BlobStore` under generated
 * keys; the document keeps their SHA-256 (tamper evidence), the dimensions, the thumbnail, the
 * capture time and the tags.
 *
 * @example
 * ```ts
 * const photo: Photo = {
 *   interventionId: 'i-1', stepId: 'inspection', taskId: 't-1', zone: 'hood', panel: null, angle: 'front-left',
 *   caption: 'chip on the hood edge', blobKey: '019b…', sha256: 'ab12…', size: 3_912_004, mime: 'image/jpeg',
 *   format: 'jpeg', width: 4032, height: 3024, thumbnail: { blobKey: '019c…', width: 320, height: 240 },
 *   capturedAt: '2026-11-26T08:03:11.000Z', captureSource: 'exif', locationStripped: true, uploadedBy: 'u-2',
 *   originalName: 'IMG_2041.HEIC', declaredType: 'image/heic',
 * };
 * ```
 */
export interface Photo {
  interventionId: string;
  stepId: string;
  /** The task of the intervention (taken from it at upload). */
  taskId: string;
  zone: string | null;
  panel: string | null;
  angle: string | null;
  caption: string | null;
  blobKey: string;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  size: number;
  mime: string;
  format: ImageFormat;
  width: number;
  height: number;
  /** Null when the bound image processor cannot decode the format (HEIC without a HEVC decoder). */
  thumbnail: { blobKey: string; width: number; height: number } | null;
  /** EXIF DateTimeOriginal when present, else the upload time. */
  capturedAt: string;
  captureSource: 'exif' | 'upload';
  /** True when location metadata was removed before storing. */
  locationStripped: boolean;
  uploadedBy: string;
  /** The file name the uploader gave, for display only (never a key, never trusted). */
  originalName: string | null;
  /** The MIME type the uploader declared, for display only (the stored `mime` comes from the bytes). */
  declaredType: string | null;
}

/**
 * The `photos` collection: by intervention and step, by task, by capture time.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(photosCollection);
 * ```
 */
export const photosCollection: CollectionSchema = {
  name: 'photos',
  fields: {
    interventionId: 'string',
    stepId: 'string',
    taskId: 'string',
    zone: 'string',
    angle: 'string',
    capturedAt: 'date',
    sha256: 'string',
  },
  indexes: [
    ['interventionId', 'stepId', 'capturedAt'],
    ['taskId', 'capturedAt'],
  ],
};

/**
 * The photo rules an upload is checked with: the caps and the location choice come from the
 * organisation settings (`photoMaxBytes`, `photoMaxPixels`, `keepPhotoLocation`).
 *
 * @example
 * ```ts
 * const rules: PhotoSettings = { ...DEFAULT_PHOTO_SETTINGS, keepLocation: true };
 * ```
 */
export interface PhotoSettings {
  /** Largest accepted file, bytes (default 20 MB). */
  maxBytes: number;
  /** Largest accepted image, pixels, read from the header (default 50 MP). */
  maxPixels: number;
  /** Longest side of thumbnails, px (default 320). */
  thumbnailSide: number;
  /** Keep GPS/location metadata (default false: stripped before storing). */
  keepLocation: boolean;
}

/** The default photo rules (those of a new organisation). */
export const DEFAULT_PHOTO_SETTINGS: Readonly<PhotoSettings> = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 50_000_000,
  thumbnailSide: 320,
  keepLocation: false,
};
