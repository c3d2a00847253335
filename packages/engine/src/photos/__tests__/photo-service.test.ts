import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqljsStorage } from '@rpma/storage-sqljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { fsBlobStore } from '../../node/fs-blob-store.js';
import { sharpImageProcessor } from '../../node/sharp-image-processor.js';
import { openIntervention } from '../../testing/open-intervention.js';
import { fixtureWorkflow } from '../../workflows/__tests__/fixture-workflow.js';
import { readExif } from '../exif-tiff.js';
import { inspectImage } from '../inspect-image.js';
import { photoBindings } from '../photos-module.js';
import { sha256Hex } from '../sha256.js';
import { encodeImage, heifLike } from './image-fixtures.js';

let engine: Engine | undefined;
let dir = '';
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup(settings: { keepPhotoLocation?: boolean } = {}) {
  dir = await mkdtemp(join(tmpdir(), 'rpma-photos-'));
  engine = await createEngine({
    storage: sqljsStorage(),
    clock: new FakeClock('2026-11-26T09:00:00Z'),
    workflows: [fixtureWorkflow],
    modules: [photoBindings({ blobs: fsBlobStore(dir), processor: sharpImageProcessor() })],
  });
  if (Object.keys(settings).length > 0) {
    await engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' })).settings.update(settings);
  }
  const tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
  const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
  const run = await openIntervention(boss, { service: 'fixture', technicianId: 'tech-1' });
  const step = { interventionId: run.id, stepId: 'prep' };
  return { engine, tech, boss, run, step };
}

async function storedFiles(): Promise<string[]> {
  const shards = await readdir(dir);
  return (
    await Promise.all(shards.map(async (s) => (await readdir(join(dir, s))).map((f) => join(dir, s, f))))
  ).flat();
}

describe('photos.upload', () => {
  it('stores the photo and its thumbnail as files with a SHA-256, dimensions, tags and EXIF capture time', async () => {
    const { engine, tech, run, step } = await setup();
    const added: string[] = [];
    engine.events.on('photo.added', (e) => added.push(e.id));
    const bytes = await encodeImage('jpeg', { width: 1200, height: 900, taken: '2026:11:20 14:05:00' });
    const photo = await tech.photos.upload({
      ...step,
      bytes,
      fileName: '../../etc/passwd.png',
      declaredType: 'image/png',
      zone: 'hood',
      angle: 'front-left',
      caption: 'stone chip',
    });
    expect(photo).toMatchObject({
      interventionId: run.id,
      stepId: 'prep',
      taskId: run.taskId,
      format: 'jpeg',
      mime: 'image/jpeg',
      width: 1200,
      height: 900,
      zone: 'hood',
      angle: 'front-left',
      caption: 'stone chip',
      capturedAt: '2026-11-20T14:05:00.000Z',
      captureSource: 'exif',
      thumbnail: { width: 320, height: 240 },
      uploadedBy: 'tech-1',
      originalName: '../../etc/passwd.png',
      declaredType: 'image/png',
    });
    const original = await readFile(join(dir, photo.blobKey.slice(-2), photo.blobKey));
    expect(await sha256Hex(original)).toBe(photo.sha256);
    expect((await storedFiles()).map((f) => f.split('/').pop()).sort()).toEqual(
      [photo.blobKey, photo.thumbnail!.blobKey].sort(),
    );
    const thumb = await tech.photos.content({ id: photo.id, variant: 'thumbnail' });
    expect(inspectImage(thumb.bytes)).toMatchObject({ width: 320, height: 240 });
    expect(added).toEqual([photo.id]);
  });

  it('takes the upload time as capture time without EXIF', async () => {
    const { tech, step } = await setup();
    const photo = await tech.photos.upload({ ...step, bytes: await encodeImage('png') });
    expect(photo).toMatchObject({
      capturedAt: '2026-11-26T09:00:00.000Z',
      captureSource: 'upload',
      format: 'png',
    });
  });

  it('strips GPS before storing unless the organisation keeps location', async () => {
    const gps = await encodeImage('jpeg', { gps: true, taken: '2026:11:20 14:05:00' });
    const { tech, step } = await setup();
    const stripped = await tech.photos.upload({ ...step, bytes: gps });
    const stored = (await tech.photos.content({ id: stripped.id })).bytes;
    const exif = inspectImage(stored).structure.exif[0]!;
    expect(readExif(stored.subarray(...exif))).toMatchObject({
      hasGps: false,
      captureTime: '2026-11-20T14:05:00.000Z',
    });
    expect(stripped.locationStripped).toBe(true);
    await engine?.close();
    await rm(dir, { recursive: true, force: true });

    const keeping = await setup({ keepPhotoLocation: true });
    const kept = await keeping.tech.photos.upload({ ...keeping.step, bytes: gps });
    expect(kept.locationStripped).toBe(false);
    const keptBytes = await readFile(join(dir, kept.blobKey.slice(-2), kept.blobKey));
    expect(new Uint8Array(keptBytes)).toEqual(gps);
  });

  it('stores a HEIC without a thumbnail when the processor cannot decode it', async () => {
    const { tech, step } = await setup();
    const photo = await tech.photos.upload({ ...step, bytes: await heifLike({ width: 80, height: 60 }) });
    expect(photo).toMatchObject({
      format: 'heic',
      mime: 'image/heic',
      width: 80,
      height: 60,
      thumbnail: null,
    });
  });

  it('refuses a viewer before storing anything', async () => {
    const { engine, step } = await setup();
    const viewer = engine.as(engine.auth.trust({ userId: 'v-1', role: 'viewer' }));
    await expect(viewer.photos.upload({ ...step, bytes: await encodeImage('jpeg') })).rejects.toSatisfy((e) =>
      isEngineError(e, 'FORBIDDEN'),
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

/** The documents an upload writes (photos with their audit and outbox rows), to compare before/after. */
async function written(engine: Engine): Promise<string> {
  return engine.storage.read(async (tx) => {
    const all: Record<string, unknown[]> = {};
    for (const name of ['photos', 'auditEvents', 'outbox']) {
      all[name] = (await tx.find(name, { limit: 1000, deleted: 'all' })).items;
    }
    return JSON.stringify(all);
  });
}

describe('photos.upload: where a photo may go', () => {
  it("refuses a technician on another technician's intervention and writes nothing", async () => {
    const { engine, tech, boss } = await setup();
    const theirs = await openIntervention(boss, { service: 'fixture', technicianId: 'tech-2' });
    const before = await written(engine);
    const error = await tech.photos
      .upload({ interventionId: theirs.id, stepId: 'prep', bytes: await encodeImage('jpeg') })
      .catch((e: unknown) => e);
    expect(isEngineError(error, 'FORBIDDEN')).toBe(true);
    expect(await written(engine)).toBe(before);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an unknown intervention: NOT_FOUND for staff, FORBIDDEN for a technician (as interventions.send)', async () => {
    const { engine, tech, boss } = await setup();
    const before = await written(engine);
    const upload = { interventionId: 'no-such-run', stepId: 'prep', bytes: await encodeImage('jpeg') };
    await expect(boss.photos.upload(upload)).rejects.toSatisfy((e) => isEngineError(e, 'NOT_FOUND'));
    await expect(tech.photos.upload(upload)).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
    expect(await written(engine)).toBe(before);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a cancelled intervention and writes nothing', async () => {
    const { engine, tech, boss, run, step } = await setup();
    await boss.interventions.cancel(run.id, 'customer withdrew');
    const before = await written(engine);
    await expect(tech.photos.upload({ ...step, bytes: await encodeImage('jpeg') })).rejects.toSatisfy(
      (e) => isEngineError(e, 'PRECONDITION') && e.details.status === 'cancelled',
    );
    expect(await written(engine)).toBe(before);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a step the workflow does not have, naming its steps, and writes nothing', async () => {
    const { engine, tech, boss, run } = await setup();
    const jpeg = await encodeImage('jpeg');
    const before = await written(engine);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !['prep', 'coat'].includes(s)),
        fc.boolean(),
        async (stepId, asBoss) => {
          const error = await (asBoss ? boss : tech).photos
            .upload({ interventionId: run.id, stepId, bytes: jpeg })
            .catch((e: unknown) => e);
          expect(isEngineError(error, 'VALIDATION')).toBe(true);
          expect((error as { details: { steps?: unknown } }).details.steps).toEqual(['prep', 'coat']);
        },
      ),
      { numRuns: 30 },
    );
    expect(await written(engine)).toBe(before);
    expect(await readdir(dir)).toEqual([]);
    expect((await tech.photos.upload({ interventionId: run.id, stepId: 'coat', bytes: jpeg })).stepId).toBe(
      'coat',
    );
  });

  it("takes the task from the intervention and refuses a caller's taskId", async () => {
    const { tech, step } = await setup();
    const claimed = { ...step, taskId: 'someone-elses-task', bytes: await encodeImage('jpeg') };
    await expect(tech.photos.upload(claimed as never)).rejects.toSatisfy((e) =>
      isEngineError(e, 'VALIDATION'),
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('photo integrity and deletion', () => {
  it('verify re-hashes the stored file and detects an edited one', async () => {
    const { tech, step } = await setup();
    const photo = await tech.photos.upload({
      ...step,
      bytes: await encodeImage('jpeg', { width: 300, height: 200 }),
    });
    expect(await tech.photos.verify({ id: photo.id })).toMatchObject({ ok: true, actual: photo.sha256 });

    const file = join(dir, photo.blobKey.slice(-2), photo.blobKey);
    const tampered = new Uint8Array(await readFile(file));
    tampered[tampered.length - 10]! ^= 0xff;
    await writeFile(file, tampered);
    const check = await tech.photos.verify({ id: photo.id });
    expect(check.ok).toBe(false);
    expect(check.actual).not.toBe(photo.sha256);

    await rm(file);
    expect(await tech.photos.verify({ id: photo.id })).toMatchObject({ ok: false, actual: null });
  });

  it('deletes softly: gone from the step, still verifiable, bytes kept', async () => {
    const { engine, tech, boss, step } = await setup();
    const deleted: string[] = [];
    engine.events.on('photo.deleted', (e) => deleted.push(e.id));
    const a = await tech.photos.upload({ ...step, bytes: await encodeImage('jpeg') });
    const b = await tech.photos.upload({ ...step, bytes: await encodeImage('webp') });
    await expect(tech.photos.delete({ id: a.id })).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
    await boss.photos.delete({ id: a.id });
    expect((await tech.photos.list(step)).map((p) => p.id)).toEqual([b.id]);
    await expect(tech.photos.get({ id: a.id })).rejects.toSatisfy((e) => isEngineError(e, 'NOT_FOUND'));
    expect((await tech.photos.verify({ id: a.id })).ok).toBe(true);
    expect(deleted).toEqual([a.id]);
  });

  it('restores from the trash, and a purge deletes the files', async () => {
    const { engine, tech, boss, step } = await setup();
    const admin = engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' }));
    const photo = await tech.photos.upload({ ...step, bytes: await encodeImage('jpeg') });
    await boss.photos.delete({ id: photo.id });
    await boss.trash.restore({ collection: 'photos', id: photo.id });
    expect((await tech.photos.get({ id: photo.id })).deletedAt).toBeNull();
    await boss.photos.delete({ id: photo.id });
    await admin.trash.purge({ collection: 'photos', id: photo.id });
    expect(await storedFiles()).toEqual([]);
  });
});
