import { EngineError } from '../kernel/engine-error.js';
import type { Photo } from '../photos/photo-model.js';
import { findAll } from '../stock/find-all.js';
import type { ReadTransaction } from '../storage/contract.js';

/**
 * The tags a step's photo rules see on a stored photo: its angle as it is (`front-left`,
 * `final-front`, `damage:hood`), its zone as `zone:<zone>` and its panel as `panel:<panel>`.
 *
 * @example
 * ```ts
 * photoTags({ angle: 'front-left', zone: 'hood', panel: null }); // ['front-left', 'zone:hood']
 * ```
 */
export function photoTags(photo: Pick<Photo, 'angle' | 'zone' | 'panel'>): string[] {
  const tags: string[] = [];
  if (photo.angle) tags.push(photo.angle);
  if (photo.zone) tags.push(`zone:${photo.zone}`);
  if (photo.panel) tags.push(`panel:${photo.panel}`);
  return tags;
}

/**
 * The live (not soft-deleted) photos stored for one step of an intervention, with their tags,
 * read in the caller's transaction. Each id in `referenced` must be one of them: an id that is
 * unknown, trashed or stored for another intervention or step is a `PRECONDITION` naming it.
 *
 * @example
 * ```ts
 * const photos = await storedStepPhotos(ctx.tx, intervention.id, 'inspection', event.photos ?? []);
 * ```
 */
export async function storedStepPhotos(
  tx: ReadTransaction,
  interventionId: string,
  stepId: string,
  referenced: readonly string[],
): Promise<{ id: string; tags: string[] }[]> {
  const stored = await findAll<Photo>(tx, 'photos', {
    where: { interventionId, stepId },
    orderBy: [{ field: 'capturedAt' }],
  });
  const ids = new Set(stored.map((photo) => photo.id));
  const foreign = referenced.filter((id) => !ids.has(id));
  if (foreign.length > 0) {
    throw new EngineError(
      'PRECONDITION',
      `step '${stepId}' cannot be submitted: photo ${foreign.join(', ')} is not a live photo of this step of intervention ${interventionId}`,
      {
        details: {
          step: stepId,
          photos: foreign,
          missing: foreign.map((id) => `photo ${id} is not stored for this step`),
        },
      },
    );
  }
  return stored.map((photo) => ({ id: photo.id, tags: photoTags(photo) }));
}
