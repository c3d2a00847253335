import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { openIntervention } from '../../testing/open-intervention.js';
import { fixtureWorkflow } from '../../workflows/__tests__/fixture-workflow.js';
import { canvasImageProcessor } from '../canvas-image-processor.js';
import { indexedDbBlobStore } from '../indexeddb-blob-store.js';
import { inspectImage } from '../inspect-image.js';
import { photoBindings } from '../photos-module.js';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function canvasJpeg(width: number, height: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#16a085';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#e74c3c';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new Uint8Array(await blob.arrayBuffer());
}

describe('photos in Chromium: sql.js + IndexedDB blobs + canvas thumbnails', () => {
  it('uploads, thumbnails, verifies, detects tampering and refuses a polyglot', async () => {
    const blobs = indexedDbBlobStore(`rpma-photos-${crypto.randomUUID()}`);
    engine = await createEngine({
      storage: sqljsStorage(),
      workflows: [fixtureWorkflow],
      modules: [photoBindings({ blobs, processor: canvasImageProcessor() })],
    });
    const tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
    const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
    const run = await openIntervention(boss, { service: 'fixture', technicianId: 'tech-1' });
    const bytes = await canvasJpeg(1280, 960);

    const photo = await tech.photos.upload({
      interventionId: run.id,
      stepId: 'prep',
      bytes,
      zone: 'hood',
    });
    expect(photo).toMatchObject({
      format: 'jpeg',
      width: 1280,
      height: 960,
      thumbnail: { width: 320, height: 240 },
    });
    const thumb = await tech.photos.content({ id: photo.id, variant: 'thumbnail' });
    expect(inspectImage(thumb.bytes)).toMatchObject({ width: 320, height: 240 });
    expect((await tech.photos.verify({ id: photo.id })).ok).toBe(true);

    const tampered = (await blobs.get(photo.blobKey))!;
    tampered[100]! ^= 0x55;
    await blobs.put(photo.blobKey, tampered);
    expect((await tech.photos.verify({ id: photo.id })).ok).toBe(false);

    const polyglot = new Uint8Array([...bytes, ...new TextEncoder().encode('PK\x03\x04<script>')]);
    await expect(
      tech.photos.upload({ interventionId: run.id, stepId: 'prep', bytes: polyglot }),
    ).rejects.toSatisfy((e) => isEngineError(e, 'VALIDATION') && e.details.reason === 'POLYGLOT');
    expect(await tech.photos.list({ interventionId: run.id })).toHaveLength(1);
  });
});
