import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { fsBlobStore } from '../../node/fs-blob-store.js';
import { sharpImageProcessor } from '../../node/sharp-image-processor.js';
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
    modules: [photoBindings({ blobs: fsBlobStore(dir), processor: sharpImageProcessor() })],
  });
  if (Object.keys(settings).length > 0) {
    await engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' })).settings.update(settings);
  }
  const tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
  const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
  return { engine, tech, boss };
}

async function storedFiles(): Promise<string[]> {
  const shards = await readdir(dir);
  return (
    await Promise.all(shards.map(async (s) => (await readdir(join(dir, s))).map((f) => join(dir, s, f))))
  ).flat();
}

const step = { interventionId: 'int-1', stepId: 'inspection', taskId: 'task-1' };

describe('photos.upload', () => {
  it('stores the photo and its thumbnail as files with a SHA-256, dimensions, tags and EXIF capture time', async () => {
    const { engine, tech } = await setup();
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
    const { tech } = await setup();
    const photo = await tech.photos.upload({ ...step, bytes: await encodeImage('png') });
    expect(photo).toMatchObject({
      capturedAt: '2026-11-26T09:00:00.000Z',
      captureSource: 'upload',
      format: 'png',
    });
  });

  it('strips GPS before storing unless the organisation keeps location', async () => {
    const gps = await encodeImage('jpeg', { gps: true, taken: '2026:11:20 14:05:00' });
    const { tech } = await setup();
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

    const kept = await (await setup({ keepPhotoLocation: true })).tech.photos.upload({ ...step, bytes: gps });
    expect(kept.locationStripped).toBe(false);
    const keptBytes = await readFile(join(dir, kept.blobKey.slice(-2), kept.blobKey));
    expect(new Uint8Array(keptBytes)).toEqual(gps);
  });

  it('stores a HEIC without a thumbnail when the processor cannot decode it', async () => {
    const { tech } = await setup();
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
    const { engine } = await setup();
    const viewer = engine.as(engine.auth.trust({ userId: 'v-1', role: 'viewer' }));
    await expect(viewer.photos.upload({ ...step, bytes: await encodeImage('jpeg') })).rejects.toSatisfy((e) =>
      isEngineError(e, 'FORBIDDEN'),
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('photo integrity and deletion', () => {
  it('verify re-hashes the stored file and detects an edited one', async () => {
    const { tech } = await setup();
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
    const { engine, tech, boss } = await setup();
    const deleted: string[] = [];
    engine.events.on('photo.deleted', (e) => deleted.push(e.id));
    const a = await tech.photos.upload({ ...step, bytes: await encodeImage('jpeg') });
    const b = await tech.photos.upload({ ...step, bytes: await encodeImage('webp') });
    await expect(tech.photos.delete({ id: a.id })).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
    await boss.photos.delete({ id: a.id });
    expect(
      (await tech.photos.list({ interventionId: 'int-1', stepId: 'inspection' })).map((p) => p.id),
    ).toEqual([b.id]);
    await expect(tech.photos.get({ id: a.id })).rejects.toSatisfy((e) => isEngineError(e, 'NOT_FOUND'));
    expect((await tech.photos.verify({ id: a.id })).ok).toBe(true);
    expect(deleted).toEqual([a.id]);
  });

  it('restores from the trash, and a purge deletes the files', async () => {
    const { engine, tech, boss } = await setup();
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
