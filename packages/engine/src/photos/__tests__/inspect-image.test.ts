import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { readExif } from '../exif-tiff.js';
import { inspectImage, sniffImageFormat, stripLocation } from '../inspect-image.js';
import {
  concat,
  encodeImage,
  heifLike,
  pngDeclaring,
  withJpegComment,
  ZIP_PAYLOAD,
} from './image-fixtures.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isEngineError(error, 'VALIDATION')) return String(error.details.reason);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('inspectImage accepts real images and reads their headers', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'reads the dimensions of a %s made by libvips',
    async (format) => {
      const image = inspectImage(await encodeImage(format, { width: 123, height: 45 }));
      expect(image).toMatchObject({ format, width: 123, height: 45, mime: `image/${format}` });
    },
  );

  it('reads a HEIF by its ftyp brand and the primary item size', async () => {
    const image = inspectImage(await heifLike({ width: 80, height: 60 }));
    expect(image).toMatchObject({ format: 'heic', mime: 'image/heic', width: 80, height: 60 });
  });

  it('reads the capture time from EXIF DateTimeOriginal', async () => {
    const image = inspectImage(await encodeImage('jpeg', { taken: '2026:05:04 09:30:15' }));
    expect(image.captureTime).toBe('2026-05-04T09:30:15.000Z');
  });

  it('accepts a multi-picture JPEG (a second whole JPEG after the first)', async () => {
    const jpeg = await encodeImage('jpeg');
    expect(inspectImage(concat(jpeg, jpeg)).format).toBe('jpeg');
  });

  it('ignores the declared type: a PNG is a PNG whatever it is called', async () => {
    expect(sniffImageFormat(await encodeImage('png'))).toBe('png');
    expect(sniffImageFormat(new TextEncoder().encode('<html>photo.jpg</html>'))).toBeNull();
  });

  it('does not take an AVIF for a HEIC', async () => {
    expect(sniffImageFormat(await encodeImage('avif'))).toBeNull();
  });
});

describe('inspectImage refuses hostile and broken files with a reason', () => {
  it('refuses an empty file and one byte over the cap', async () => {
    expect(refusal(() => inspectImage(new Uint8Array()))).toBe('EMPTY');
    const jpeg = await encodeImage('jpeg');
    expect(refusal(() => inspectImage(jpeg, { maxBytes: jpeg.length - 1, maxPixels: 1e9 }))).toBe(
      'TOO_LARGE',
    );
    expect(inspectImage(jpeg, { maxBytes: jpeg.length, maxPixels: 1e9 }).format).toBe('jpeg');
  });

  it('refuses a PNG declaring 20,000 × 20,000 px from its header', () => {
    expect(refusal(() => inspectImage(pngDeclaring(20_000, 20_000)))).toBe('TOO_MANY_PIXELS');
  });

  it('refuses truncated JPEG, PNG, WebP and HEIF files', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const bytes = await encodeImage(format, { width: 200, height: 100 });
      expect(refusal(() => inspectImage(bytes.subarray(0, bytes.length - 20)))).toBe('TRUNCATED');
    }
    const heif = await heifLike();
    expect(refusal(() => inspectImage(heif.subarray(0, heif.length - 20)))).toBe('TRUNCATED');
  });

  it('refuses a JPEG without its EOI marker and a PNG without IEND', async () => {
    const jpeg = await encodeImage('jpeg');
    expect(refusal(() => inspectImage(jpeg.subarray(0, jpeg.length - 2)))).toBe('TRUNCATED');
    const png = await encodeImage('png');
    expect(refusal(() => inspectImage(png.subarray(0, png.length - 12)))).toBe('TRUNCATED');
  });

  it('refuses data appended after the image: ZIP, HTML or script after EOI, bytes after IEND', async () => {
    const jpeg = await encodeImage('jpeg');
    const png = await encodeImage('png');
    const webp = await encodeImage('webp');
    const heif = await heifLike();
    expect(refusal(() => inspectImage(concat(jpeg, ZIP_PAYLOAD)))).toBe('POLYGLOT');
    expect(refusal(() => inspectImage(concat(jpeg, '<html><body>hi</body></html>')))).toBe('POLYGLOT');
    expect(refusal(() => inspectImage(concat(jpeg, 'alert(document.cookie)')))).toBe('POLYGLOT');
    expect(refusal(() => inspectImage(concat(png, 'x')))).toBe('POLYGLOT');
    expect(refusal(() => inspectImage(concat(webp, ZIP_PAYLOAD)))).toBe('POLYGLOT');
    expect(refusal(() => inspectImage(concat(heif, ZIP_PAYLOAD)))).toBe('POLYGLOT');
  });

  it('refuses markup smuggled into a JPEG comment', async () => {
    const jpeg = withJpegComment(await encodeImage('jpeg'), 'nice car <SCRIPT>fetch("//x")</SCRIPT>');
    expect(refusal(() => inspectImage(jpeg))).toBe('POLYGLOT');
  });

  it('refuses wrong magic bytes whatever the file name says', () => {
    const exe = concat(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), 'This program cannot be run in DOS mode');
    expect(refusal(() => inspectImage(exe))).toBe('UNKNOWN_TYPE');
    expect(refusal(() => inspectImage(concat(new Uint8Array([0xff, 0xd8, 0xff]))))).toBe('TRUNCATED');
  });
});

describe('stripLocation', () => {
  it('removes GPS from a JPEG and keeps its capture time and pixels', async () => {
    const jpeg = await encodeImage('jpeg', { gps: true, taken: '2026:05:04 09:30:15' });
    const before = inspectImage(jpeg);
    expect(before.hasLocation).toBe(true);
    expect(readExif(jpeg.subarray(...before.structure.exif[0]!))?.hasGps).toBe(true);

    const clean = stripLocation(jpeg, before);
    const after = inspectImage(clean);
    expect(after.hasLocation).toBe(false);
    expect(readExif(clean.subarray(...after.structure.exif[0]!))).toMatchObject({
      hasGps: false,
      captureTime: '2026-05-04T09:30:15.000Z',
    });
    const { default: sharp } = await import('sharp');
    const meta = await sharp(clean).metadata();
    expect([meta.width, meta.height]).toEqual([64, 48]);
  });

  it('removes GPS from a WebP EXIF chunk and keeps a decodable file', async () => {
    const webp = await encodeImage('webp', { gps: true });
    const clean = stripLocation(webp, inspectImage(webp));
    expect(inspectImage(clean).hasLocation).toBe(false);
    const { default: sharp } = await import('sharp');
    expect((await sharp(clean).stats()).channels).toHaveLength(3);
  });

  it('drops the eXIf chunk of a PNG with GPS', async () => {
    const png = await encodeImage('png', { gps: true });
    const image = inspectImage(png);
    expect(image.hasLocation).toBe(true);
    const clean = stripLocation(png, image);
    expect(inspectImage(clean)).toMatchObject({ hasLocation: false, width: 64, height: 48 });
  });
});

describe('inspectImage under random damage', () => {
  it('refuses every strict prefix and every non-zero appendix of real JPEG, PNG and WebP files', async () => {
    const files = await Promise.all(
      (['jpeg', 'png', 'webp'] as const).map((f) => encodeImage(f, { width: 90, height: 70 })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((tail) => tail.some((b) => b !== 0)),
        (file, cut, tail) => {
          const prefix = file.subarray(0, Math.floor(cut * (file.length - 1)));
          expect(refusal(() => inspectImage(prefix))).toMatch(/^(EMPTY|TRUNCATED|MALFORMED|UNKNOWN_TYPE)$/);
          expect(refusal(() => inspectImage(concat(file, tail)))).toBe('POLYGLOT');
        },
      ),
      { numRuns: 300 },
    );
  });
});
