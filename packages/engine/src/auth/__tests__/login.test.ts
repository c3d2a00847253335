import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/create-engine.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { TOKENS } from '../../kernel/tokens.js';
import type { AccessTokens } from '../access-tokens.js';
import { Argon2idHasher, parseArgon2Params } from '../password-hasher.js';
import { type CountingHasher, FAST_ARGON2ID } from './fast-hasher.js';
import { ADMIN, adminSession, codeOf, startEngine, userSession } from './harness.js';

let engine: Engine;
afterEach(() => engine?.close());

const MIN = 60_000;

describe('first-admin bootstrap', () => {
  it('creates an admin only while the store has no user', async () => {
    ({ engine } = await startEngine());
    expect(await engine.auth.needsBootstrap()).toBe(true);
    const admin = await engine.auth.bootstrap(ADMIN);
    expect(admin).toMatchObject({ email: 'owner@example.com', role: 'admin', disabled: false });
    expect(await engine.auth.needsBootstrap()).toBe(false);
    expect(await codeOf(engine.auth.bootstrap({ ...ADMIN, email: 'second@example.com' }))).toBe(
      'PRECONDITION',
    );
  });

  it('refuses a weak first password and writes nothing', async () => {
    ({ engine } = await startEngine());
    expect(await codeOf(engine.auth.bootstrap({ ...ADMIN, password: 'password1' }))).toBe('VALIDATION');
    expect(await engine.auth.needsBootstrap()).toBe(true);
  });
});

describe('login', () => {
  it('returns a session principal, an access token that verifies, and a refresh token', async () => {
    ({ engine } = await startEngine());
    const result = await adminSession(engine);
    expect(result.principal).toMatchObject({ role: 'admin', displayName: 'Owner' });
    expect(result.principal.sessionId).toBe(result.session.id);
    expect(result.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { sessions } = await engine.as(result.principal).settings.get();
    expect(Date.parse(result.session.expiresAt)).toBe(
      Date.parse('2026-11-26T08:00:00Z') + sessions.absoluteHours * 3_600_000,
    );
    const claims = await engine.get<AccessTokens>(TOKENS.AccessTokens).verify(result.accessToken);
    expect(claims).toMatchObject({
      userId: result.principal.userId,
      sessionId: result.session.id,
      role: 'admin',
    });
    expect(await engine.auth.verify(result.accessToken)).toMatchObject(result.principal);
    const me = await engine.as(result.principal).users.me();
    expect(me.lastLoginAt).toBe('2026-11-26T08:00:00.000Z');
  });

  it('answers an unknown email and a wrong password alike, after the same argon2 verify', async () => {
    const started = await startEngine();
    engine = started.engine;
    const hasher = started.hasher as CountingHasher;
    await engine.auth.bootstrap(ADMIN);
    const errors: unknown[] = [];
    for (const attempt of [
      { email: 'nobody@example.com', password: ADMIN.password },
      { email: ADMIN.email, password: 'wrong passphrase 2026' },
    ]) {
      const before = hasher.verifies;
      errors.push(await engine.auth.login(attempt).catch((e: unknown) => e));
      expect(hasher.verifies - before).toBe(1);
    }
    const [unknown, wrong] = errors;
    expect(isEngineError(unknown, 'UNAUTHENTICATED') && isEngineError(wrong, 'UNAUTHENTICATED')).toBe(true);
    expect((unknown as Error).message).toBe((wrong as Error).message);
    expect((unknown as Error).message).toBe('invalid email or password');
  });

  it('rehashes on login when the argon2 parameters were raised', async () => {
    const hasher = { current: new Argon2idHasher(FAST_ARGON2ID) };
    const delegating = {
      hash: (p: string) => hasher.current.hash(p),
      verify: (e: string, p: string) => hasher.current.verify(e, p),
      needsRehash: (e: string) => hasher.current.needsRehash(e),
    };
    ({ engine } = await startEngine({ hasher: delegating }));
    await engine.auth.bootstrap(ADMIN);
    const stored = () =>
      engine.storage.read(async (tx) => {
        const user = (await tx.find('users', { where: { email: ADMIN.email } })).items[0]!;
        return (await tx.get<{ passwordHash: string }>('credentials', user.id))!.passwordHash;
      });
    expect(parseArgon2Params(await stored())?.memoryKiB).toBe(64);
    hasher.current = new Argon2idHasher({ ...FAST_ARGON2ID, memoryKiB: 256, iterations: 2 });
    await engine.auth.login({ email: ADMIN.email, password: ADMIN.password });
    expect(parseArgon2Params(await stored())).toEqual({ memoryKiB: 256, iterations: 2, parallelism: 1 });
    await engine.auth.login({ email: ADMIN.email, password: ADMIN.password });
  });

  it('refuses a disabled account with the same message', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    const tech = await userSession(engine, admin, { email: 'tom@example.com', role: 'technician' });
    await engine.as(admin.principal).users.setDisabled({ id: tech.principal.userId, disabled: true });
    await expect(
      engine.auth.login({ email: 'tom@example.com', password: 'technician passphrase 2026' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'invalid email or password',
    });
  });
});

describe('lockout (defaults: 5 failures in 15 min lock 15 min)', () => {
  it.each([
    ['a known account', ADMIN.email],
    ['an unknown email, so a lockout reveals nothing', 'ghost@example.com'],
  ])(
    'locks %s at the 5th failure, not the 4th; the lock expires after exactly 15 minutes',
    async (_, email) => {
      const started = await startEngine();
      engine = started.engine;
      const clock = started.clock;
      await engine.auth.bootstrap(ADMIN);
      const bad = () => engine.auth.login({ email, password: 'wrong passphrase 2026' });
      for (let i = 0; i < 4; i++) {
        expect(await codeOf(bad())).toBe('UNAUTHENTICATED');
        clock.advance(MIN);
      }
      const fifth = await bad().catch((e: unknown) => e);
      expect(fifth).toMatchObject({ code: 'LOCKED', details: { retryAt: '2026-11-26T08:19:00.000Z' } });
      const good = { email, password: ADMIN.password };
      clock.advance(15 * MIN - 1);
      expect(await codeOf(engine.auth.login(good))).toBe('LOCKED');
      clock.advance(1);
      expect(await codeOf(engine.auth.login(good))).toBe(
        email === ADMIN.email ? 'resolved' : 'UNAUTHENTICATED',
      );
    },
  );

  it('a successful login clears the count; an admin unlocks a locked account', async () => {
    const started = await startEngine();
    engine = started.engine;
    const clock = started.clock;
    const admin = await adminSession(engine);
    const tech = await userSession(engine, admin, { email: 'tom@example.com', role: 'technician' });
    const bad = () => engine.auth.login({ email: 'tom@example.com', password: 'wrong passphrase 2026' });
    const good = () =>
      engine.auth.login({ email: 'tom@example.com', password: 'technician passphrase 2026' });
    for (let i = 0; i < 4; i++) await codeOf(bad());
    expect(await codeOf(good())).toBe('resolved');
    for (let i = 0; i < 4; i++) expect(await codeOf(bad())).toBe('UNAUTHENTICATED');
    expect(await codeOf(bad())).toBe('LOCKED');
    clock.advance(MIN);
    expect(await codeOf(good())).toBe('LOCKED');
    expect(await engine.as(admin.principal).users.unlock({ id: tech.principal.userId })).toEqual({
      wasLocked: true,
    });
    expect(await codeOf(good())).toBe('resolved');
  });

  it('records logins, failures and the lockout in the audit log', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    for (let i = 0; i < 5; i++)
      await codeOf(engine.auth.login({ email: ADMIN.email, password: 'nope nope nope' }));
    const audit = await engine.as(admin.principal).audit.query({ limit: 200 });
    const commands = audit.items.map((row) => row.command);
    expect(commands.filter((c) => c === 'auth.login').length).toBeGreaterThanOrEqual(1);
    expect(commands.filter((c) => c === 'auth.loginFailed')).toHaveLength(5);
    const lock = audit.items.find((row) => row.command === 'auth.loginFailed' && row.diff.lockedUntil?.after);
    expect(lock?.diff.lockedUntil).toEqual({ before: null, after: Date.parse('2026-11-26T08:15:00Z') });
    expect(lock?.actorId).toBe(admin.principal.userId);
    const session = audit.items.find((row) => row.command === 'auth.login' && row.entity === 'sessions');
    expect(session?.entityId).toBe(admin.session.id);
  });
});
