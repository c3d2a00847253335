import { indexedDbJournal, sqljsStorage } from '@rpma/storage-sqljs';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CountingHasher } from '../../auth/__tests__/fast-hasher.js';
import { ADMIN } from '../../auth/__tests__/harness.js';
import { Argon2idHasher, OWASP_ARGON2ID, parseArgon2Params } from '../../auth/password-hasher.js';
import { qrSvg } from '../../auth/qr-svg.js';
import { newTotpSecret, totpCode, verifyTotp } from '../../auth/totp.js';
import { createEngine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { TOKENS } from '../../kernel/tokens.js';
import { aesGcmCodec } from '../aes-gcm-codec.js';
import { randomBytes, sha256Hex } from '../bytes.js';
import { SecretBox } from '../secret-box.js';

function openStore(name: string, key?: Uint8Array) {
  const cheap = new ContainerModule(({ rebind }) => {
    rebind(TOKENS.PasswordHasher).toConstantValue(new CountingHasher());
  });
  return createEngine({
    storage: sqljsStorage({
      persistence: indexedDbJournal(name, {
        compactAfterEntries: 2,
        ...(key ? { codec: aesGcmCodec(key) } : {}),
      }),
    }),
    clock: new FakeClock('2026-11-26T08:00:00Z'),
    modules: [cheap],
    timerIntervalMs: 0,
  });
}

describe('auth crypto in Chromium', () => {
  it('argon2id (hash-wasm) hashes and verifies at the production parameters', async () => {
    const hasher = new Argon2idHasher();
    const encoded = await hasher.hash('correct horse battery staple');
    expect(parseArgon2Params(encoded)).toEqual(OWASP_ARGON2ID);
    expect(await hasher.verify(encoded, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(encoded, 'wrong horse battery staple')).toBe(false);
  });

  it('AES-256-GCM (WebCrypto) seals and opens, and refuses a flipped bit and a wrong key', async () => {
    const key = randomBytes(32);
    const box = await SecretBox.create(key);
    const sealed = await box.seal('JBSWY3DPEHPK3PXP', 'credentials/u-1');
    expect(await box.open(sealed, 'credentials/u-1')).toBe('JBSWY3DPEHPK3PXP');
    const codec = aesGcmCodec(key);
    const stored = await codec.encode(new TextEncoder().encode('SQLite format 3'));
    const flipped = stored.slice();
    flipped[flipped.length - 1]! ^= 0x01;
    await expect(codec.decode(flipped)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(aesGcmCodec(randomBytes(32)).decode(stored)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(new TextDecoder().decode(await codec.decode(stored))).toBe('SQLite format 3');
  });

  it('TOTP, SHA-256 and the QR code work in the browser too', async () => {
    const seed = await newTotpSecret();
    const now = Date.parse('2026-11-26T08:00:00Z');
    expect(await verifyTotp(seed, await totpCode(seed, now), now, null)).toBe(Math.floor(now / 30_000));
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await qrSvg(`otpauth://totp/x?secret=${seed}`)).toMatch(/^<svg/);
  });
});

describe('an IndexedDB store encrypted with aesGcmCodec', () => {
  it('reopens with its key and refuses a wrong key with STORAGE (cause: UNAUTHENTICATED)', async () => {
    const name = `enc-${crypto.randomUUID()}`;
    const key = randomBytes(32);
    const engine = await openStore(name, key);
    await engine.auth.bootstrap(ADMIN);
    const admin = await engine.auth.login({ email: ADMIN.email, password: ADMIN.password });
    await engine.as(admin.principal).users.updateProfile({ displayName: 'Owner, renamed' });
    await engine.close();

    const wrong = await openStore(name, randomBytes(32)).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'STORAGE', cause: { code: 'UNAUTHENTICATED' } });

    const again = await openStore(name, key);
    const back = await again.auth.login({ email: ADMIN.email, password: ADMIN.password });
    expect(back.principal.displayName).toBe('Owner, renamed');
    await again.close();
  });
});
