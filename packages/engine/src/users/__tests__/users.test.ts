import { afterEach, describe, expect, it } from 'vitest';
import { adminSession, codeOf, startEngine, userSession } from '../../auth/__tests__/harness.js';
import { CommandRunner } from '../../domain/command-runner.js';
import { grantFor } from '../../domain/policy.js';
import { ROLES, type Role } from '../../domain/principal.js';
import type { Engine } from '../../engine/create-engine.js';

let engine: Engine;
afterEach(() => engine?.close());

const A = 'allow';
const D = 'deny';
/** Expected grants [admin, supervisor, technician, viewer] of every auth, user, session and 2FA command. */
const EXPECTED: Record<string, [string, string, string, string]> = {
  'users.create': [A, A, D, D],
  'users.get': [A, A, D, D],
  'users.list': [A, A, D, D],
  'users.update': [A, D, D, D],
  'users.changeRole': [A, D, D, D],
  'users.setDisabled': [A, D, D, D],
  'users.resetPassword': [A, D, D, D],
  'users.unlock': [A, D, D, D],
  'users.resetTwoFactor': [A, D, D, D],
  'users.me': [A, A, A, A],
  'users.updateProfile': [A, A, A, A],
  'users.changePassword': [A, A, A, A],
  'sessions.list': [A, A, A, A],
  'sessions.revoke': [A, A, A, A],
  'twoFactor.status': [A, A, A, A],
  'twoFactor.begin': [A, A, A, A],
  'twoFactor.confirm': [A, A, A, A],
  'twoFactor.disable': [A, A, A, A],
  'twoFactor.regenerateBackupCodes': [A, A, A, A],
  'auth.bootstrap': [A, D, D, D],
  'auth.login': [A, A, A, A],
  'auth.loginFailed': [A, A, A, A],
  'auth.refresh': [A, A, A, A],
  'auth.logout': [A, A, A, A],
  'auth.expire': [A, A, A, A],
};

describe('policy matrix of the auth, user, session and 2FA commands', () => {
  it('every registered command of these areas has exactly the expected row', async () => {
    ({ engine } = await startEngine());
    const names = engine
      .operations()
      .map((op) => op.name)
      .filter((name) => /^(users|sessions|twoFactor|auth)\./.test(name));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const name of names) {
      expect(
        ROLES.map((role) => grantFor(name, role)),
        name,
      ).toEqual(EXPECTED[name]);
    }
  });

  it('the runner enforces each cell: denied → FORBIDDEN before parsing, allowed → reaches the input check', async () => {
    ({ engine } = await startEngine());
    const runner = engine.container.get(CommandRunner);
    for (const operation of engine.operations().filter((op) => op.name in EXPECTED)) {
      for (const [i, role] of ROLES.entries()) {
        const principal = engine.auth.trust({ userId: `matrix-${role}`, role: role as Role });
        const code = await codeOf(runner.execute(principal, operation, { unexpected: 1 }));
        expect(code, `${operation.name} as ${role}`).toBe(
          EXPECTED[operation.name]![i] === A ? 'VALIDATION' : 'FORBIDDEN',
        );
      }
    }
  });
});

describe('users', () => {
  it('admins create any role; supervisors only technicians and viewers', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    const sup = await userSession(engine, admin, { email: 'eve@example.com', role: 'supervisor' });
    const asSup = engine.as(sup.principal);
    const make = (role: Role, email: string) =>
      asSup.users.create({ email, displayName: email, role, password: 'a fine long password' });
    expect(await codeOf(make('technician', 'tom@example.com'))).toBe('resolved');
    expect(await codeOf(make('viewer', 'val@example.com'))).toBe('resolved');
    expect(await codeOf(make('supervisor', 'sam@example.com'))).toBe('FORBIDDEN');
    expect(await codeOf(make('admin', 'ada@example.com'))).toBe('FORBIDDEN');
    expect(await codeOf(asSup.users.changeRole({ id: sup.principal.userId, role: 'admin' }))).toBe(
      'FORBIDDEN',
    );
    const list = await engine.as(admin.principal).users.list();
    expect(list.items.map((u) => u.email).sort()).toEqual([
      'eve@example.com',
      'owner@example.com',
      'tom@example.com',
      'val@example.com',
    ]);
  });

  it('refuses weak passwords and duplicate emails, writing nothing', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    const shop = engine.as(admin.principal);
    const count = () => engine.storage.read((tx) => tx.count('users', {}, 'all'));
    for (const password of ['short', 'password123', 'tom@example.com', 'x'.repeat(257)]) {
      const error = await shop.users
        .create({ email: 'tom@example.com', displayName: 'Tom', role: 'viewer', password })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'password' }] } });
    }
    expect(
      await codeOf(
        shop.users.create({
          email: ' OWNER@example.com ',
          displayName: 'X',
          role: 'viewer',
          password: 'a fine long password',
        }),
      ),
    ).toBe('CONFLICT');
    expect(await count()).toBe(1);
  });

  it('everyone edits their own profile and password; other sessions end on a password change', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    const tom = await userSession(engine, admin, { email: 'tom@example.com', role: 'viewer' });
    const phone = await engine.auth.login({ email: 'tom@example.com', password: 'viewer passphrase 2026' });
    const shop = engine.as(tom.principal);
    expect((await shop.users.updateProfile({ displayName: 'Tom B.', locale: 'fr-FR' })).displayName).toBe(
      'Tom B.',
    );
    expect(
      await codeOf(
        shop.users.changePassword({ currentPassword: 'wrong', newPassword: 'a new long passphrase' }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await shop.users.changePassword({
        currentPassword: 'viewer passphrase 2026',
        newPassword: 'a new long passphrase',
      }),
    ).toEqual({ otherSessionsEnded: 1 });
    expect(await codeOf(shop.users.me())).toBe('resolved');
    expect(await codeOf(engine.as(phone.principal).users.me())).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(engine.auth.login({ email: 'tom@example.com', password: 'viewer passphrase 2026' })),
    ).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(engine.auth.login({ email: 'tom@example.com', password: 'a new long passphrase' })),
    ).toBe('resolved');
  });

  it('keeps at least one enabled admin', async () => {
    ({ engine } = await startEngine());
    const admin = await adminSession(engine);
    const shop = engine.as(admin.principal);
    const id = admin.principal.userId;
    expect(await codeOf(shop.users.setDisabled({ id, disabled: true }))).toBe('PRECONDITION');
    expect(await codeOf(shop.users.changeRole({ id, role: 'supervisor' }))).toBe('PRECONDITION');
    await userSession(engine, admin, { email: 'ada@example.com', role: 'admin' });
    expect(await codeOf(shop.users.changeRole({ id, role: 'supervisor' }))).toBe('resolved');
  });

  it('an admin password reset ends the user’s sessions; role changes and disabling are audited', async () => {
    const started = await startEngine();
    engine = started.engine;
    const admin = await adminSession(engine);
    const tom = await userSession(engine, admin, { email: 'tom@example.com', role: 'technician' });
    const shop = engine.as(admin.principal);
    started.clock.advance(60_000);
    expect(
      await shop.users.resetPassword({ id: tom.principal.userId, newPassword: 'temporary long secret' }),
    ).toEqual({
      sessionsEnded: 1,
    });
    expect(await codeOf(engine.as(tom.principal).users.me())).toBe('UNAUTHENTICATED');
    await shop.users.changeRole({ id: tom.principal.userId, role: 'supervisor' });
    await shop.users.setDisabled({ id: tom.principal.userId, disabled: true });
    const audit = await shop.audit.query({ entity: 'users', entityId: tom.principal.userId });
    const byCommand = Object.fromEntries(audit.items.map((row) => [row.command, row.diff]));
    expect(byCommand['users.changeRole']).toEqual({ role: { before: 'technician', after: 'supervisor' } });
    expect(byCommand['users.setDisabled']).toEqual({ disabled: { before: false, after: true } });
    expect(byCommand['users.resetPassword']).toEqual({
      passwordChangedAt: { before: '2026-11-26T08:00:00.000Z', after: '2026-11-26T08:01:00.000Z' },
    });
    expect(JSON.stringify(audit.items)).not.toContain('$argon2id$');
    const revoked = await shop.audit.query({ entity: 'sessions', entityId: tom.session.id });
    expect(revoked.items.map((row) => [row.command, row.diff.endReason?.after])).toContainEqual([
      'users.resetPassword',
      'revoked',
    ]);
  });
});
