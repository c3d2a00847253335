import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { fsBlobStore } from '../../node/fs-blob-store.js';
import { sharpImageProcessor } from '../../node/sharp-image-processor.js';
import { openIntervention } from '../../testing/open-intervention.js';
import { fixtureWorkflow } from '../../workflows/__tests__/fixture-workflow.js';
import { photoBindings } from '../photos-module.js';
import {
  concat,
  encodeImage,
  heifLike,
  pngDeclaring,
  withJpegComment,
  ZIP_PAYLOAD,
} from './image-fixtures.js';

const MB = 1024 * 1024;
const CAP = 2 * MB;
let engine: Engine;
let tech: Shop;
let dir: string;
let step: { interventionId: string; stepId: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rpma-hostile-'));
  engine = await createEngine({
    storage: sqljsStorage(),
    workflows: [fixtureWorkflow],
    modules: [photoBindings({ blobs: fsBlobStore(dir), processor: sharpImageProcessor() })],
  });
  const admin = engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' }));
  await admin.settings.update({ photoMaxBytes: CAP });
  tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
  const run = await openIntervention(admin, { service: 'fixture', technicianId: 'tech-1' });
  step = { interventionId: run.id, stepId: 'prep' };
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** Hostile files made here, each with the name and type an attacker would declare. */
async function corpus(): Promise<
  { name: string; fileName: string; declaredType: string; bytes: Uint8Array; reason: string }[]
> {
  const jpeg = await encodeImage('jpeg', { width: 200, height: 150 });
  const png = await encodeImage('png', { width: 200, height: 150 });
  const webp = await encodeImage('webp', { width: 200, height: 150 });
  const heif = await heifLike();
  const overCap = concat(
    jpeg.subarray(0, jpeg.length - 2),
    new Uint8Array(CAP + 1 - jpeg.length),
    jpeg.subarray(-2),
  );
  return [
    {
      name: 'HTML named .jpg',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: concat('<!doctype html><script>alert(1)</script>'),
      reason: 'UNKNOWN_TYPE',
    },
    {
      name: 'SVG named .png',
      fileName: 'car.png',
      declaredType: 'image/png',
      bytes: concat('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      reason: 'UNKNOWN_TYPE',
    },
    {
      name: 'ZIP named .heic',
      fileName: 'car.heic',
      declaredType: 'image/heic',
      bytes: ZIP_PAYLOAD,
      reason: 'UNKNOWN_TYPE',
    },
    {
      name: 'wrong magic (PE header)',
      fileName: 'car.webp',
      declaredType: 'image/webp',
      bytes: concat(new Uint8Array([0x4d, 0x5a]), 'MZ payload'),
      reason: 'UNKNOWN_TYPE',
    },
    {
      name: 'GIF (not accepted)',
      fileName: 'car.gif',
      declaredType: 'image/gif',
      bytes: concat('GIF89a', new Uint8Array(20)),
      reason: 'UNKNOWN_TYPE',
    },
    {
      name: 'JPEG + ZIP after EOI',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: concat(jpeg, ZIP_PAYLOAD),
      reason: 'POLYGLOT',
    },
    {
      name: 'JPEG + HTML after EOI',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: concat(jpeg, '<html><script>x()</script></html>'),
      reason: 'POLYGLOT',
    },
    {
      name: 'JPEG + script after EOI',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: concat(jpeg, 'fetch("//evil")'),
      reason: 'POLYGLOT',
    },
    {
      name: 'JPEG with script in a comment',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: withJpegComment(jpeg, '<script>x()</script>'),
      reason: 'POLYGLOT',
    },
    {
      name: 'PNG + data after IEND',
      fileName: 'car.png',
      declaredType: 'image/png',
      bytes: concat(png, ZIP_PAYLOAD),
      reason: 'POLYGLOT',
    },
    {
      name: 'WebP + data after RIFF',
      fileName: 'car.webp',
      declaredType: 'image/webp',
      bytes: concat(webp, 'PK'),
      reason: 'POLYGLOT',
    },
    {
      name: 'HEIF + ZIP appended',
      fileName: 'car.heic',
      declaredType: 'image/heic',
      bytes: concat(heif, ZIP_PAYLOAD),
      reason: 'POLYGLOT',
    },
    {
      name: '0 bytes',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: new Uint8Array(),
      reason: 'EMPTY',
    },
    {
      name: '1 byte over the cap',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: overCap,
      reason: 'TOO_LARGE',
    },
    {
      name: 'JPEG without EOI',
      fileName: 'car.jpg',
      declaredType: 'image/jpeg',
      bytes: jpeg.subarray(0, jpeg.length - 2),
      reason: 'TRUNCATED',
    },
    {
      name: 'PNG without IEND',
      fileName: 'car.png',
      declaredType: 'image/png',
      bytes: png.subarray(0, png.length - 12),
      reason: 'TRUNCATED',
    },
    {
      name: 'WebP cut short',
      fileName: 'car.webp',
      declaredType: 'image/webp',
      bytes: webp.subarray(0, webp.length - 9),
      reason: 'TRUNCATED',
    },
    {
      name: 'PNG declaring 20,000 × 20,000 px',
      fileName: 'car.png',
      declaredType: 'image/png',
      bytes: pngDeclaring(20_000, 20_000),
      reason: 'TOO_MANY_PIXELS',
    },
  ];
}

describe('the hostile corpus', () => {
  it('is refused 100%, each with its reason, and nothing is stored', async () => {
    const files = await corpus();
    const outcomes: string[] = [];
    for (const file of files) {
      const { name, reason, ...upload } = file;
      try {
        await tech.photos.upload({ ...step, ...upload });
        outcomes.push(`${name}: ACCEPTED`);
      } catch (error) {
        expect(isEngineError(error, 'VALIDATION')).toBe(true);
        outcomes.push(`${name}: ${(error as { details: { reason: string } }).details.reason}`);
      }
    }
    expect(outcomes).toEqual(files.map((f) => `${f.name}: ${f.reason}`));
    expect(await readdir(dir)).toEqual([]);
    expect(await tech.photos.list({ interventionId: step.interventionId })).toEqual([]);
  });

  it('refuses the 400-megapixel PNG without decoding it: the upload path grows memory by less than 64 MB', async () => {
    const bomb = pngDeclaring(20_000, 20_000);
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const before = process.memoryUsage();
    await expect(tech.photos.upload({ ...step, bytes: bomb })).rejects.toSatisfy(
      (e) => isEngineError(e, 'VALIDATION') && e.details.reason === 'TOO_MANY_PIXELS',
    );
    const after = process.memoryUsage();
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * MB);
    expect(after.rss - before.rss).toBeLessThan(64 * MB);
    expect(peakAfter - peakBefore).toBeLessThan(64 * MB);
  });
});
