import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A small real image encoded by sharp (libvips), optionally with EXIF capture time and GPS. */
export async function encodeImage(
  format: 'jpeg' | 'png' | 'webp' | 'avif',
  options: { width?: number; height?: number; gps?: boolean; taken?: string } = {},
): Promise<Uint8Array> {
  const { width = 64, height = 48 } = options;
  let image = sharp({ create: { width, height, channels: 3, background: '#c0392b' } }).toFormat(format);
  if (options.gps || options.taken) {
    image = image.withExif({
      IFD0: { Make: 'RPMA test' },
      ...(options.taken ? { IFD2: { DateTimeOriginal: options.taken } } : {}),
      ...(options.gps ? { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } } : {}),
    });
  }
  return new Uint8Array(await image.toBuffer());
}

/** A noisy photo-like JPEG of about `megabytes` MB (random pixels barely compress). */
export async function noisyJpeg(width: number, height: number, quality = 92): Promise<Uint8Array> {
  const pixels = new Uint8Array(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    pixels[i] = (seed >>> 16) & 0xff;
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** An AVIF re-branded as HEIC: the same ISO-BMFF HEIF structure, with `heic` brands. */
export async function heifLike(options: { width?: number; height?: number } = {}): Promise<Uint8Array> {
  const bytes = await encodeImage('avif', options);
  const text = new TextDecoder('latin1');
  const ftypSize = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  for (let at = 8; at + 4 <= ftypSize; at += 4) {
    const brand = text.decode(bytes.subarray(at, at + 4));
    if (brand === 'avif' || brand === 'avis') bytes.set(new TextEncoder().encode('heic'), at);
  }
  return bytes;
}

/** A PNG whose IHDR declares `width` × `height` with a tiny IDAT: a decompression bomb's header. */
export function pngDeclaring(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  return concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  );
}

/** A JPEG with a COM segment carrying `text`, inserted right after SOI. */
export function withJpegComment(jpeg: Uint8Array, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const segment = new Uint8Array(4 + body.length);
  segment.set([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  segment.set(body, 4);
  return concat(jpeg.subarray(0, 2), segment, jpeg.subarray(2));
}

/** Concatenates byte arrays, or strings as UTF-8. */
export function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of bytes) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A minimal ZIP local file header, as a polyglot would append. */
export const ZIP_PAYLOAD = concat(
  new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
  'evil.html<script>alert(1)</script>',
);
