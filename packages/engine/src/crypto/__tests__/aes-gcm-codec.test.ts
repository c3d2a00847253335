import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesGcmCodec } from '../aes-gcm-codec.js';
import { randomBytes } from '../bytes.js';

describe('aesGcmCodec', () => {
  it('round-trips any bytes and stores no plaintext', async () => {
    const codec = aesGcmCodec(randomBytes(32));
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 8 }), async (text) => {
        const plain = new TextEncoder().encode(text);
        const stored = await codec.encode(plain);
        expect(new TextDecoder().decode(stored)).not.toContain(text);
        expect(await codec.decode(stored)).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('opening with the wrong key is UNAUTHENTICATED, never garbage', async () => {
    const stored = await aesGcmCodec(randomBytes(32)).encode(new TextEncoder().encode('SQLite format 3'));
    await expect(aesGcmCodec(randomBytes(32)).decode(stored)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('wrong store key'),
    });
  });

  it('a flipped bit anywhere in a record is refused', async () => {
    const codec = aesGcmCodec(randomBytes(32));
    const stored = await codec.encode(new TextEncoder().encode('{"seq":1,"changes":[]}'));
    for (let bit = 6 * 8; bit < stored.length * 8; bit += 7) {
      const altered = stored.slice();
      altered[bit >> 3]! ^= 1 << (bit & 7);
      await expect(codec.decode(altered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('plain (unencrypted) data opened with a key is a STORAGE error', async () => {
    const codec = aesGcmCodec(randomBytes(32));
    await expect(codec.decode(new TextEncoder().encode('SQLite format 3\0'))).rejects.toMatchObject({
      code: 'STORAGE',
    });
  });

  it('a key of the wrong size is reported on use as VALIDATION', async () => {
    const codec = aesGcmCodec(randomBytes(16));
    await expect(codec.encode(new Uint8Array([1]))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
