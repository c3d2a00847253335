import type { Shop } from '../engine/shop.js';
import type { Intervention } from '../workflows/workflow-collections.js';

/**
 * Sends a sample step submission through the engine the way a device does: each photo the
 * sample declares (`{ id, tags }`, as the kit's pure exploration takes them) is first uploaded
 * for the step with its first tag as the angle, then the event is sent without them, so the
 * engine's rules count the stored photos.
 *
 * @example
 * ```ts
 * await submitWithPhotos(tech, run.id, inspectionSubmit(['hood']), jpegBytes);
 * ```
 */
export async function submitWithPhotos(
  shop: Shop,
  interventionId: string,
  event: { type: string; step?: string; photos?: { id: string; tags: string[] }[]; [key: string]: unknown },
  bytes: Uint8Array,
): Promise<Intervention> {
  const { photos = [], ...rest } = event;
  for (const photo of photos) {
    await shop.photos.upload({
      interventionId,
      stepId: String(event.step),
      bytes,
      ...(photo.tags[0] ? { angle: photo.tags[0] } : {}),
    });
  }
  return shop.interventions.send(interventionId, rest);
}
