import * as z from 'zod/mini';
import type { BaseContext } from '../domain/command.js';
import { defineCommand, defineQuery } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import { readSettings } from '../settings/settings-service.js';
import { findAll } from '../stock/find-all.js';
import type { Doc } from '../storage/contract.js';
import { interventionOwnership } from '../workflows/intervention-commands.js';
import type { InterventionFields } from '../workflows/workflow-collections.js';
import { workflowStep } from '../workflows/workflow-step.js';
import type { BlobStore } from './blob-store.js';
import type { ImageProcessor } from './image-processor.js';
import { DEFAULT_PHOTO_SETTINGS, type Photo, type PhotoSettings } from './photo-model.js';
import { preparePhoto } from './prepare-photo.js';
import { sha256Hex } from './sha256.js';

const tag = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

function bound<T>(ctx: BaseContext, token: symbol, what: string): T {
  try {
    return ctx.get<T>(token);
  } catch (error) {
    throw new EngineError('PRECONDITION', `no ${what} is bound; load photoBindings({ blobs, processor })`, {
      cause: error,
    });
  }
}

/**
 * `photos.upload`: checks, strips, hashes, thumbnails and stores a photo of an intervention step.
 * The intervention must exist (`NOT_FOUND`) and not be completed or cancelled (`PRECONDITION`),
 * and `stepId` must be a step of its workflow version (`VALIDATION` at `stepId`); a technician uploads only to an intervention whose task is assigned to them (`FORBIDDEN`, the
 * rule of `interventions.send`). The photo's task is the intervention's, never the caller's word.
 * Nothing is stored before every check passed (see `preparePhoto`; refusals are `VALIDATION`
 * with `details.reason`). The declared file name and type are kept for display only: the type
 * comes from the bytes and blob keys are generated ids. If the document cannot be written, the
 * blobs just written are removed again.
 *
 * @example
 * ```ts
 * const photo = await shop.photos.upload({ interventionId: run.id, stepId: 'inspection', bytes, zone: 'hood', angle: 'front-left' });
 * ```
 */
export const uploadPhoto = defineCommand({
  name: 'photos.upload',
  input: z.strictObject({
    interventionId: idString,
    stepId: idString,
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array'),
    fileName: z.optional(z.string().check(z.maxLength(255))),
    declaredType: z.optional(z.string().check(z.maxLength(100))),
    zone: z.optional(tag),
    panel: z.optional(tag),
    angle: z.optional(tag),
    caption: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  }),
  ownership: { assignee: (tx, input) => interventionOwnership.assignee(tx, { id: input.interventionId }) },
  run: async (ctx, input): Promise<Doc<Photo>> => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.interventionId);
    if (intervention.status === 'completed' || intervention.status === 'cancelled') {
      throw new EngineError('PRECONDITION', `intervention ${intervention.id} is ${intervention.status}`, {
        details: { id: intervention.id, status: intervention.status },
      });
    }
    workflowStep(ctx, intervention, input.stepId);
    const organisation = await readSettings(ctx.tx);
    const settings: PhotoSettings = {
      maxBytes: organisation.photoMaxBytes,
      maxPixels: organisation.photoMaxPixels,
      keepLocation: organisation.keepPhotoLocation,
      thumbnailSide: DEFAULT_PHOTO_SETTINGS.thumbnailSide,
    };
    const blobs = bound<BlobStore>(ctx, TOKENS.BlobStore, 'BlobStore');
    const processor = bound<ImageProcessor>(ctx, TOKENS.ImageProcessor, 'ImageProcessor');
    const ready = await preparePhoto(input.bytes, settings, processor);
    const blobKey = ctx.ids.next();
    const thumbnailKey = ready.thumbnail ? ctx.ids.next() : null;
    const written: string[] = [];
    try {
      await blobs.put(blobKey, ready.bytes);
      written.push(blobKey);
      if (ready.thumbnail && thumbnailKey) {
        await blobs.put(thumbnailKey, ready.thumbnail.bytes);
        written.push(thumbnailKey);
      }
      const photo = await ctx.insert<Photo>('photos', {
        interventionId: input.interventionId,
        stepId: input.stepId,
        taskId: intervention.taskId,
        zone: input.zone ?? null,
        panel: input.panel ?? null,
        angle: input.angle ?? null,
        caption: input.caption || null,
        blobKey,
        sha256: ready.sha256,
        size: ready.bytes.length,
        mime: ready.image.mime,
        format: ready.image.format,
        width: ready.image.width,
        height: ready.image.height,
        thumbnail:
          ready.thumbnail && thumbnailKey
            ? { blobKey: thumbnailKey, width: ready.thumbnail.width, height: ready.thumbnail.height }
            : null,
        capturedAt: ready.image.captureTime ?? ctx.now,
        captureSource: ready.image.captureTime ? 'exif' : 'upload',
        locationStripped: ready.locationStripped,
        uploadedBy: ctx.principal.userId,
        originalName: input.fileName ?? null,
        declaredType: input.declaredType ?? null,
      });
      ctx.emit('photo.added', {
        id: photo.id,
        interventionId: photo.interventionId,
        stepId: photo.stepId,
        at: ctx.now,
      });
      return photo;
    } catch (error) {
      await Promise.allSettled(written.map((key) => blobs.delete(key)));
      throw error;
    }
  },
});

/**
 * `photos.delete`: moves a photo to the trash (its blobs stay, so it can be restored).
 *
 * @example
 * ```ts
 * await shop.photos.delete({ id: photo.id });
 * ```
 */
export const deletePhoto = defineCommand({
  name: 'photos.delete',
  input: z.strictObject({ id: idString }),
  run: async (ctx, input): Promise<Doc<Photo>> => {
    const photo = await ctx.softDelete('photos', await ctx.load<Photo>('photos', input.id));
    ctx.emit('photo.deleted', {
      id: photo.id,
      interventionId: photo.interventionId,
      stepId: photo.stepId,
      at: ctx.now,
    });
    return photo;
  },
});

/**
 * `photos.get`: one photo's document (not its bytes; see `photos.content`).
 *
 * @example
 * ```ts
 * const photo = await shop.photos.get({ id });
 * ```
 */
export const getPhoto = defineQuery({
  name: 'photos.get',
  input: z.strictObject({ id: idString }),
  run: (ctx, input): Promise<Doc<Photo>> => ctx.load<Photo>('photos', input.id),
});

/**
 * `photos.list`: the live photos of an intervention, optionally of one step, by capture time.
 *
 * @example
 * ```ts
 * const intake = await shop.photos.list({ interventionId: run.id, stepId: 'inspection' });
 * ```
 */
export const listPhotos = defineQuery({
  name: 'photos.list',
  input: z.strictObject({ interventionId: idString, stepId: z.optional(idString) }),
  run: (ctx, input): Promise<Doc<Photo>[]> =>
    findAll<Photo>(ctx.tx, 'photos', {
      where: { interventionId: input.interventionId, ...(input.stepId ? { stepId: input.stepId } : {}) },
      orderBy: [{ field: 'capturedAt' }],
    }),
});

/**
 * `photos.content`: the stored bytes of a photo or of its thumbnail, with their MIME type.
 *
 * @example
 * ```ts
 * const { bytes, mime } = await shop.photos.content({ id, variant: 'thumbnail' });
 * img.src = URL.createObjectURL(new Blob([bytes], { type: mime }));
 * ```
 */
export const photoContent = defineQuery({
  name: 'photos.content',
  input: z.strictObject({ id: idString, variant: z._default(z.enum(['original', 'thumbnail']), 'original') }),
  run: async (ctx, input): Promise<{ bytes: Uint8Array; mime: string }> => {
    const photo = await ctx.load<Photo>('photos', input.id);
    const key = input.variant === 'original' ? photo.blobKey : photo.thumbnail?.blobKey;
    if (!key)
      throw new EngineError('NOT_FOUND', `photo ${photo.id} has no thumbnail`, { details: { id: photo.id } });
    const bytes = await bound<BlobStore>(ctx, TOKENS.BlobStore, 'BlobStore').get(key);
    if (!bytes)
      throw new EngineError('NOT_FOUND', `the bytes of photo ${photo.id} are missing`, { details: { key } });
    return { bytes, mime: input.variant === 'original' ? photo.mime : 'image/jpeg' };
  },
});

/**
 * `photos.verify`: re-hashes the stored bytes against the SHA-256 recorded at upload. `ok` is
 * false when they were changed or are missing: tamper evidence for warranty disputes.
 *
 * @example
 * ```ts
 * const { ok } = await shop.photos.verify({ id: photo.id });
 * ```
 */
export const verifyPhoto = defineQuery({
  name: 'photos.verify',
  input: z.strictObject({ id: idString }),
  run: async (ctx, input): Promise<{ id: string; ok: boolean; expected: string; actual: string | null }> => {
    const photo = await ctx.load<Photo>('photos', input.id, { deleted: true });
    const bytes = await bound<BlobStore>(ctx, TOKENS.BlobStore, 'BlobStore').get(photo.blobKey);
    const actual = bytes ? await sha256Hex(bytes) : null;
    return { id: photo.id, ok: actual === photo.sha256, expected: photo.sha256, actual };
  },
});

/** The photo operations, as the `shop.photos` section exposes them. */
export const photoOperations = {
  upload: uploadPhoto,
  delete: deletePhoto,
  get: getPhoto,
  list: listPhotos,
  content: photoContent,
  verify: verifyPhoto,
};
