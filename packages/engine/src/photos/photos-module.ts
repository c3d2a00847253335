import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import type { BlobStore } from './blob-store.js';
import type { ImageProcessor } from './image-processor.js';
import { type Photo, photosCollection } from './photo-model.js';
import { photoOperations } from './photo-operations.js';

/** Purging a photo from the trash removes its blobs once the purge committed. */
const photoTrash: TrashHandler<Photo> = {
  collection: 'photos',
  beforePurge: async (ctx, photo) => {
    const blobs = ctx.get<BlobStore>(TOKENS.BlobStore);
    const keys = [photo.blobKey, ...(photo.thumbnail ? [photo.thumbnail.blobKey] : [])];
    ctx.afterCommit(async () => {
      for (const key of keys) await blobs.delete(key);
    });
  },
};

/**
 * The `photos` collection, its operations and its trash handler (a purge deletes the blobs). The blob store and the image processor depend on
 * the platform: load {@link photoBindings} beside it.
 *
 * @example
 * ```ts
 * await container.load(photosModule);
 * ```
 */
export const photosModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(photosCollection);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue(photoTrash);
  registerOperations(bind, photoOperations);
});

/**
 * Binds where photo bytes go and what makes thumbnails, for `createEngine({ modules })`:
 * `indexedDbBlobStore()` + `canvasImageProcessor()` in browsers, `fsBlobStore(dir)` +
 * `sharpImageProcessor()` from `@rpma/engine/node` in Node.
 *
 * @example
 * ```ts
 * import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
 * const engine = await createEngine({
 *   storage,
 *   modules: [photoBindings({ blobs: fsBlobStore('./photos'), processor: sharpImageProcessor() })],
 * });
 * ```
 */
export function photoBindings(options: { blobs: BlobStore; processor: ImageProcessor }): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<BlobStore>(TOKENS.BlobStore).toConstantValue(options.blobs);
    bind<ImageProcessor>(TOKENS.ImageProcessor).toConstantValue(options.processor);
  });
}
