/**
 * `@rpma/engine/node`: the Node-only bindings (files on disk, sharp). Never imported by the
 * browser entry.
 *
 * @example
 * ```ts
 * import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
 * ```
 */
export { fsBlobStore } from './fs-blob-store.js';
export { sharpImageProcessor } from './sharp-image-processor.js';
