import { sqljsStorage } from '@rpma/storage-sqljs';
import { ContainerModule } from 'inversify';
import { randomBytes } from '../../crypto/bytes.js';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { TOKENS } from '../../kernel/tokens.js';
import type { LoginResult } from '../auth-service.js';
import type { PasswordHasher } from '../password-hasher.js';
import { CountingHasher } from './fast-hasher.js';

export const T0 = '2026-11-26T08:00:00Z';
export const ADMIN = { email: 'owner@example.com', displayName: 'Owner', password: 'owner passphrase 2026' };

/**
 * An engine on an in-memory sql.js store with a fake clock and a real argon2id hasher at the
 * cheap test parameters (counting its verifies), and a random secrets key unless `secrets: false`.
 */
export async function startEngine(
  options: { secrets?: boolean; hasher?: PasswordHasher } = {},
): Promise<{ engine: Engine; clock: FakeClock; hasher: PasswordHasher }> {
  const clock = new FakeClock(T0);
  const hasher = options.hasher ?? new CountingHasher();
  const cheap = new ContainerModule(({ rebind }) => {
    rebind<PasswordHasher>(TOKENS.PasswordHasher).toConstantValue(hasher);
  });
  const engine = await createEngine({
    storage: sqljsStorage(),
    clock,
    modules: [cheap],
    timerIntervalMs: 0,
    ...(options.secrets === false ? {} : { secrets: { key: randomBytes(32) } }),
  });
  return { engine, clock, hasher };
}

/** Bootstraps the first admin and signs them in. */
export async function adminSession(engine: Engine): Promise<LoginResult> {
  await engine.auth.bootstrap(ADMIN);
  return engine.auth.login({ email: ADMIN.email, password: ADMIN.password });
}

/** Creates a user (as `admin`) and signs them in. */
export async function userSession(
  engine: Engine,
  admin: LoginResult,
  user: { email: string; role: 'admin' | 'supervisor' | 'technician' | 'viewer'; password?: string },
): Promise<LoginResult> {
  const password = user.password ?? `${user.role} passphrase 2026`;
  await engine
    .as(admin.principal)
    .users.create({ email: user.email, displayName: user.email, role: user.role, password });
  return engine.auth.login({ email: user.email, password });
}

/** The code an error was thrown with (or 'resolved'). */
export function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'not an EngineError',
  );
}
