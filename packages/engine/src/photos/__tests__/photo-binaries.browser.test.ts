import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { canvasImageProcessor } from '../canvas-image-processor.js';
import { indexedDbBlobStore } from '../indexeddb-blob-store.js';
import { inspectImage } from '../inspect-image.js';

async function canvasJpeg(width: number, height: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2980b9';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#f1c40f';
  context.fillRect(0, 0, width / 2, height / 2);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new Uint8Array(await blob.arrayBuffer());
}

describe('indexedDbBlobStore in Chromium', () => {
  it('stores, reads back and deletes bytes in a real IndexedDB', async () => {
    const blobs = indexedDbBlobStore(`rpma-blobs-${crypto.randomUUID()}`);
    const bytes = await canvasJpeg(40, 30);
    await blobs.put('photo-1', bytes);
    expect(await blobs.get('photo-1')).toEqual(bytes);
    await blobs.delete('photo-1');
    expect(await blobs.get('photo-1')).toBeUndefined();
  });

  it('keeps blobs across connections and refuses keys that are not ids', async () => {
    const name = `rpma-blobs-${crypto.randomUUID()}`;
    await indexedDbBlobStore(name).put('k-1', new Uint8Array([9, 8, 7]));
    expect(await indexedDbBlobStore(name).get('k-1')).toEqual(new Uint8Array([9, 8, 7]));
    await expect(indexedDbBlobStore(name).put('../x', new Uint8Array([1]))).rejects.toSatisfy((e) =>
      isEngineError(e, 'VALIDATION'),
    );
  });
});

describe('canvasImageProcessor in Chromium', () => {
  it('makes a ≤ 320 px JPEG thumbnail with createImageBitmap and OffscreenCanvas', async () => {
    const photo = await canvasJpeg(1600, 1200);
    expect(inspectImage(photo)).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    const thumb = await canvasImageProcessor().thumbnail(photo, { maxSide: 320, maxPixels: 50_000_000 });
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expect(inspectImage(thumb.bytes)).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
  });

  it('refuses bytes the browser cannot decode as UNDECODABLE', async () => {
    const photo = await canvasJpeg(64, 64);
    const broken = photo.slice(0, 40);
    await expect(
      canvasImageProcessor().thumbnail(broken, { maxSide: 320, maxPixels: 50_000_000 }),
    ).rejects.toSatisfy((e) => isEngineError(e, 'VALIDATION') && e.details.reason === 'UNDECODABLE');
  });
});
