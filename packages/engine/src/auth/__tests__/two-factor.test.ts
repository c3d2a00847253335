import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/create-engine.js';
import type { FakeClock } from '../../kernel/clock.js';
import type { Credentials } from '../../users/user-collections.js';
import type { LoginResult } from '../auth-service.js';
import { totpCode } from '../totp.js';
import { ADMIN, adminSession, codeOf, startEngine, userSession } from './harness.js';

let engine: Engine;
let clock: FakeClock;
afterEach(() => engine?.close());

const STEP = 30_000;
const login = (extra: { totp?: string; backupCode?: string } = {}) =>
  engine.auth.login({ email: ADMIN.email, password: ADMIN.password, ...extra });

async function enrolled(): Promise<{ admin: LoginResult; seed: string; backupCodes: string[] }> {
  ({ engine, clock } = await startEngine());
  const admin = await adminSession(engine);
  const shop = engine.as(admin.principal);
  const { secret: seed } = await shop.twoFactor.begin();
  const { backupCodes } = await shop.twoFactor.confirm({ code: await totpCode(seed, clock.now()) });
  clock.advance(STEP);
  return { admin, seed, backupCodes };
}

describe('TOTP enrolment', () => {
  it('gives an otpauth URL and an SVG QR code, and activates only after a correct code', async () => {
    ({ engine, clock } = await startEngine());
    const admin = await adminSession(engine);
    const shop = engine.as(admin.principal);
    const started = await shop.twoFactor.begin();
    expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\/My%20shop:owner%40example\.com\?/);
    expect(started.otpauthUrl).toContain(`secret=${started.secret}`);
    expect(started.qrSvg).toMatch(/^<svg[^>]*>.*<path/s);
    expect(await shop.twoFactor.status()).toMatchObject({ enabled: false, pending: true });
    await codeOf(login()).then((code) => expect(code).toBe('resolved')); // not active yet

    const wrong = await totpCode(started.secret, clock.now() + 10 * STEP);
    expect(await codeOf(shop.twoFactor.confirm({ code: wrong }))).toBe('UNAUTHENTICATED');
    expect(await shop.twoFactor.status()).toMatchObject({ enabled: false });

    const { backupCodes } = await shop.twoFactor.confirm({
      code: await totpCode(started.secret, clock.now()),
    });
    expect(backupCodes).toHaveLength(10);
    expect(await shop.twoFactor.status()).toEqual({
      enabled: true,
      pending: false,
      backupCodesLeft: 10,
      required: false,
    });
    expect((await shop.users.me()).twoFactorEnabled).toBe(true);
  });

  it('stores the seed only encrypted, bound to its user, and the backup codes only hashed', async () => {
    const { admin, seed, backupCodes } = await enrolled();
    const creds = await engine.storage.read((tx) =>
      tx.get<Credentials>('credentials', admin.principal.userId),
    );
    const stored = JSON.stringify(creds);
    expect(stored).not.toContain(seed);
    for (const code of backupCodes) expect(stored).not.toContain(code.replace('-', ''));
    expect(creds?.totp?.sealed).toMatch(/^gcm1\./);
    expect(creds?.backupCodes.every((h) => h.startsWith('$argon2id$'))).toBe(true);
  });

  it('is refused without a host secrets key: secrets are never stored in the clear', async () => {
    ({ engine } = await startEngine({ secrets: false }));
    const admin = await adminSession(engine);
    expect(await codeOf(engine.as(admin.principal).twoFactor.begin())).toBe('PRECONDITION');
  });
});

describe('sign-in with 2FA', () => {
  it('asks for a second factor after a correct password, then accepts a TOTP code once', async () => {
    const { seed } = await enrolled();
    expect(await login().catch((e: unknown) => e)).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { secondFactorRequired: true },
    });
    const code = await totpCode(seed, clock.now());
    await login({ totp: code });
    clock.advance(5_000); // same 30 s step
    expect(await codeOf(login({ totp: code }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(login({ totp: await totpCode(seed, clock.now() - STEP) }))).toBe('UNAUTHENTICATED');
    clock.advance(STEP);
    expect(await codeOf(login({ totp: await totpCode(seed, clock.now()) }))).toBe('resolved');
  });

  it('accepts the code of the previous and next step (window ±1), not two steps away', async () => {
    const { seed } = await enrolled();
    clock.advance(10 * STEP);
    expect(await codeOf(login({ totp: await totpCode(seed, clock.now() + STEP) }))).toBe('resolved');
    clock.advance(3 * STEP);
    expect(await codeOf(login({ totp: await totpCode(seed, clock.now() - STEP) }))).toBe('resolved');
    clock.advance(3 * STEP);
    const far = await totpCode(seed, clock.now() + 2 * STEP);
    const near = await Promise.all([-1, 0, 1].map((k) => totpCode(seed, clock.now() + k * STEP)));
    if (!near.includes(far)) expect(await codeOf(login({ totp: far }))).toBe('UNAUTHENTICATED');
  });

  it('a backup code works once; the count goes down; a reused one is refused', async () => {
    const { admin, backupCodes } = await enrolled();
    const result = await login({ backupCode: backupCodes[2]! });
    expect(result.principal.userId).toBe(admin.principal.userId);
    expect(await codeOf(login({ backupCode: backupCodes[2]! }))).toBe('UNAUTHENTICATED');
    expect((await engine.as(result.principal).twoFactor.status()).backupCodesLeft).toBe(9);
  });

  it('wrong second factors count towards the lockout', async () => {
    await enrolled();
    for (let i = 0; i < 4; i++) expect(await codeOf(login({ totp: '000000' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(login({ totp: '000000' }))).toBe('LOCKED');
  });
});

describe('organisation requirement', () => {
  it('a role that requires 2FA signs in to an enrolment-only session until enrolled', async () => {
    ({ engine, clock } = await startEngine());
    const admin = await adminSession(engine);
    await engine.as(admin.principal).settings.update({ twoFactorRequiredRoles: ['supervisor'] });
    const sup = await userSession(engine, admin, { email: 'eve@example.com', role: 'supervisor' });
    expect(sup.twoFactorEnrolmentRequired).toBe(true);
    const shop = engine.as(sup.principal);
    expect(await shop.clients.list().catch((e: unknown) => e)).toMatchObject({
      code: 'FORBIDDEN',
      details: { twoFactorEnrolmentRequired: true },
    });
    expect((await shop.twoFactor.status()).required).toBe(true);
    const { secret } = await shop.twoFactor.begin();
    await shop.twoFactor.confirm({ code: await totpCode(secret, clock.now()) });
    expect(await codeOf(shop.clients.list())).toBe('resolved');
    expect(await codeOf(shop.twoFactor.disable({ password: 'supervisor passphrase 2026' }))).toBe(
      'PRECONDITION',
    );
  });
});

describe('changes to 2FA', () => {
  it('disable needs the password; an admin reset removes it; every change is audited', async () => {
    const { admin, seed } = await enrolled();
    const shop = engine.as(admin.principal);
    expect(await codeOf(shop.twoFactor.disable({ password: 'not my password' }))).toBe('UNAUTHENTICATED');
    await shop.twoFactor.disable({ password: ADMIN.password });
    expect((await shop.twoFactor.status()).enabled).toBe(false);
    expect(await codeOf(login())).toBe('resolved');
    clock.advance(STEP);

    const again = await shop.twoFactor.begin();
    await shop.twoFactor.confirm({ code: await totpCode(again.secret, clock.now()) });
    expect(again.secret).not.toBe(seed);
    clock.advance(STEP);
    const second = await userSession(engine, admin, { email: 'eve@example.com', role: 'admin' });
    await engine.as(second.principal).users.resetTwoFactor({ id: admin.principal.userId });
    expect(await codeOf(login())).toBe('resolved');

    const audit = await shop.audit.query({ entity: 'users', entityId: admin.principal.userId });
    const changes = audit.items
      .filter((row) => row.operation === 'update' && row.diff.twoFactorEnabled)
      .map((row) => [row.command, row.diff.twoFactorEnabled?.after]);
    expect(changes).toEqual([
      ['users.resetTwoFactor', false],
      ['twoFactor.confirm', true],
      ['twoFactor.disable', false],
      ['twoFactor.confirm', true],
    ]);
  });

  it('regenerating backup codes needs a fresh TOTP code and voids the old codes', async () => {
    const { admin, seed, backupCodes } = await enrolled();
    const shop = engine.as(admin.principal);
    const { backupCodes: fresh } = await shop.twoFactor.regenerateBackupCodes({
      code: await totpCode(seed, clock.now()),
    });
    expect(fresh).toHaveLength(10);
    expect(await codeOf(login({ backupCode: backupCodes[0]! }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(login({ backupCode: fresh[0]! }))).toBe('resolved');
  });
});
