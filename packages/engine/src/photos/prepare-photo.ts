import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';

export type { PreparedPhoto } from './prepare-photo-rules.js';

/**
 * The byte-level checks of an upload (format sniffing, JPEG/PNG/WebP/HEIF parsing, EXIF and GPS
 * stripping), fetched on the first preparation rather than at start.
 */
const rules = lazyModule('photo checks (prepare-photo-rules)', () => import('./prepare-photo-rules.js'));

/**
 * `preparePhoto` of `prepare-photo-rules.ts` as the package exports it: the format parsers load on
 * the first call (a failed load is `INTERNAL`, tried again on the next call). Everything an upload
 * goes through before anything is stored: the format checks (refused with `VALIDATION` and a
 * reason), location stripping unless the organisation keeps it, SHA-256 of the bytes to store, and
 * the thumbnail.
 *
 * @example
 * ```ts
 * const ready = await preparePhoto(bytes, DEFAULT_PHOTO_SETTINGS, sharpImageProcessor());
 * ```
 */
export const preparePhoto = lazyBody(rules, 'preparePhoto');
