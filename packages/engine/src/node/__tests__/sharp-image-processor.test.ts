import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { encodeImage } from '../../photos/__tests__/image-fixtures.js';
import { inspectImage } from '../../photos/inspect-image.js';
import { sharpImageProcessor } from '../sharp-image-processor.js';

const limits = { maxSide: 320, maxPixels: 50_000_000 };

describe('sharpImageProcessor', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('makes a ≤ 320 px JPEG thumbnail of a %s', async (format) => {
    const thumb = await sharpImageProcessor().thumbnail(
      await encodeImage(format, { width: 1600, height: 900 }),
      limits,
    );
    expect([thumb.width, thumb.height]).toEqual([320, 180]);
    expect(inspectImage(thumb.bytes)).toMatchObject({ format: 'jpeg', width: 320, height: 180 });
  });

  it('never enlarges a small photo and writes no metadata', async () => {
    const thumb = await sharpImageProcessor().thumbnail(
      await encodeImage('jpeg', { gps: true, width: 100, height: 80 }),
      limits,
    );
    expect([thumb.width, thumb.height]).toEqual([100, 80]);
    expect((await sharp(thumb.bytes).metadata()).exif).toBeUndefined();
  });

  it('refuses what it cannot decode as UNDECODABLE', async () => {
    const jpeg = await encodeImage('jpeg', { width: 300, height: 200 });
    const broken = jpeg.slice();
    broken.fill(0x11, 200, broken.length - 2);
    await expect(sharpImageProcessor().thumbnail(broken, limits)).rejects.toSatisfy(
      (e) => isEngineError(e, 'VALIDATION') && e.details.reason === 'UNDECODABLE',
    );
    expect(sharpImageProcessor().supports('heic')).toBe(false);
  });
});
