import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { fromBase64Url, randomBytes, toBase64Url } from '../bytes.js';
import { aesGcmDecrypt, aesGcmEncrypt, IV_BYTES, importAesKey, randomIv, SecretBox } from '../secret-box.js';

const key = () => randomBytes(32);

describe('randomIv (the IV source of every AES-GCM encryption)', () => {
  it('produces no repeated IV in 10^6 draws', () => {
    const seen = new Set<string>();
    let wrongLength = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const iv = randomIv();
      if (iv.length !== IV_BYTES) wrongLength++;
      // 12 bytes → 6 UTF-16 code units: a compact, exact key for the set.
      const v = new Uint16Array(iv.buffer);
      seen.add(String.fromCharCode(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!));
    }
    expect(wrongLength).toBe(0);
    expect(seen.size).toBe(1_000_000);
  });
});

describe('aesGcmEncrypt / aesGcmDecrypt', () => {
  it('round-trips any bytes and puts a fresh IV in front of each ciphertext', async () => {
    const k = await importAesKey(key());
    const ivs = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (plain) => {
        const sealed = await aesGcmEncrypt(k, plain);
        expect(sealed.length).toBe(IV_BYTES + plain.length + 16);
        ivs.add(toBase64Url(sealed.subarray(0, IV_BYTES)));
        expect(await aesGcmDecrypt(k, sealed)).toEqual(plain);
      }),
      { numRuns: 200 },
    );
    expect(ivs.size).toBe(200);
  });

  it('refuses every single flipped bit with UNAUTHENTICATED', async () => {
    const k = await importAesKey(key());
    const sealed = await aesGcmEncrypt(k, new TextEncoder().encode('JBSWY3DPEHPK3PXP'));
    for (let bit = 0; bit < sealed.length * 8; bit++) {
      const altered = sealed.slice();
      altered[bit >> 3]! ^= 1 << (bit & 7);
      await expect(aesGcmDecrypt(k, altered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses the wrong key and the wrong additional data', async () => {
    const k = await importAesKey(key());
    const sealed = await aesGcmEncrypt(k, new Uint8Array([1, 2, 3]), new Uint8Array([9]));
    await expect(aesGcmDecrypt(await importAesKey(key()), sealed, new Uint8Array([9]))).rejects.toMatchObject(
      {
        code: 'UNAUTHENTICATED',
      },
    );
    await expect(aesGcmDecrypt(k, sealed, new Uint8Array([8]))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses keys that are not 256-bit AES keys', async () => {
    for (const bad of [new Uint8Array(16), new Uint8Array(31), new Uint8Array(33)]) {
      await expect(importAesKey(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    await expect(importAesKey(hmac)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('SecretBox', () => {
  it('seals text so that only the same key and context open it', async () => {
    const raw = key();
    const box = await SecretBox.create(raw);
    const sealed = await box.seal('JBSWY3DPEHPK3PXP', 'users/u-1');
    expect(sealed).toMatch(/^gcm1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await (await SecretBox.create(raw)).open(sealed, 'users/u-1')).toBe('JBSWY3DPEHPK3PXP');

    const failures = await Promise.allSettled([
      box.open(sealed, 'users/u-2'),
      (await SecretBox.create(key())).open(sealed, 'users/u-1'),
      box.open('gcm1.!!', 'users/u-1'),
      box.open('plain', 'users/u-1'),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      expect(isEngineError((failure as PromiseRejectedResult).reason, 'UNAUTHENTICATED')).toBe(true);
    }
  });

  it('never reuses an IV across seals of the same secret', async () => {
    const box = await SecretBox.create(key());
    const ivs = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const sealed = await box.seal('same secret', 'ctx');
      ivs.add(toBase64Url(fromBase64Url(sealed.slice(5))!.subarray(0, IV_BYTES)));
    }
    expect(ivs.size).toBe(2_000);
  });
});
