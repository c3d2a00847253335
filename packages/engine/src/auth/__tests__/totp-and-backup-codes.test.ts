import { describe, expect, it } from 'vitest';
import { BACKUP_CODE_COUNT, hashBackupCodes, matchBackupCode, newBackupCodes } from '../backup-codes.js';
import { Argon2idHasher } from '../password-hasher.js';
import { qrSvg } from '../qr-svg.js';
import { newTotpSecret, totpCode, totpUrl, verifyTotp } from '../totp.js';
import { FAST_ARGON2ID } from './fast-hasher.js';

const T0 = Date.parse('2026-11-26T08:00:10Z');
const STEP = 30_000;

describe('TOTP', () => {
  it('accepts the current code and the codes one step either side, nothing further', async () => {
    const seed = await newTotpSecret();
    expect(seed).toMatch(/^[A-Z2-7]{32}$/);
    for (const offset of [-1, 0, 1]) {
      expect(await verifyTotp(seed, await totpCode(seed, T0 + offset * STEP), T0, null)).toBeTypeOf('number');
    }
    for (const offset of [-3, -2, 2, 3]) {
      const code = await totpCode(seed, T0 + offset * STEP);
      // A code of a far step may collide with a near one by chance (1 in 10^6); rule that out.
      const near = await Promise.all([-1, 0, 1].map((k) => totpCode(seed, T0 + k * STEP)));
      if (near.includes(code)) continue;
      expect(await verifyTotp(seed, code, T0, null)).toBeUndefined();
    }
  });

  it('each step is usable once: the same code, and any older one, is refused after use', async () => {
    const seed = await newTotpSecret();
    const step = await verifyTotp(seed, await totpCode(seed, T0), T0, null);
    expect(step).toBe(Math.floor(T0 / STEP));
    expect(await verifyTotp(seed, await totpCode(seed, T0), T0 + 5_000, step!)).toBeUndefined();
    expect(await verifyTotp(seed, await totpCode(seed, T0 - STEP), T0, step!)).toBeUndefined();
    expect(await verifyTotp(seed, await totpCode(seed, T0 + STEP), T0 + STEP, step!)).toBe(step! + 1);
  });

  it('refuses malformed codes', async () => {
    const seed = await newTotpSecret();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5a']) {
      expect(await verifyTotp(seed, bad, T0, null)).toBeUndefined();
    }
    expect(
      await verifyTotp(seed, (await totpCode(seed, T0)).replace(/^(\d{3})/, '$1 '), T0, null),
    ).toBeTypeOf('number');
  });

  it('makes an otpauth URL with the issuer, account and seed, and an SVG QR code of it', async () => {
    const seed = await newTotpSecret();
    const url = await totpUrl(seed, { issuer: 'Atelier Film', account: 'lea@example.com' });
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('secret')).toBe(seed);
    expect(parsed.searchParams.get('issuer')).toBe('Atelier Film');
    expect(parsed.searchParams.get('period')).toBe('30');
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path');
  });
});

describe('backup codes', () => {
  it('makes 10 distinct readable codes; each hash matches its own code only', async () => {
    const hasher = new Argon2idHasher(FAST_ARGON2ID);
    const codes = newBackupCodes();
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-km-z2-9]{5}-[a-km-z2-9]{5}$/);
    const hashes = await hashBackupCodes(hasher, codes);
    expect(hashes.every((h) => h.startsWith('$argon2id$'))).toBe(true);
    expect(await matchBackupCode(hasher, hashes, codes[3]!)).toBe(3);
    expect(await matchBackupCode(hasher, hashes, ` ${codes[7]!.toUpperCase().replace('-', ' ')} `)).toBe(7);
    expect(await matchBackupCode(hasher, hashes, 'aaaaa-aaaaa')).toBe(-1);
    expect(await matchBackupCode(hasher, hashes.slice(4), codes[3]!)).toBe(-1);
  });
});
