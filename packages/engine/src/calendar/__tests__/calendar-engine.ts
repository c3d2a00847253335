import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterEach } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';

/**
 * An engine on a fresh in-memory sql.js store with a fake clock at 2026-03-02 08:00 UTC, and a
 * shop for each role (the technician is `tech-1`).
 */
export async function calendarEngine() {
  const clock = new FakeClock('2026-03-02T08:00:00Z');
  const engine: Engine = await createEngine({ storage: sqljsStorage(), clock });
  const as = (role: 'admin' | 'supervisor' | 'technician' | 'viewer', userId = `${role}-1`) =>
    engine.as(engine.auth.trust({ userId, role }));
  return { engine, clock, admin: as('admin'), boss: as('supervisor'), tech: as('technician', 'tech-1'), as };
}

/**
 * One fresh `calendarEngine()` per test: registers an `afterEach` that closes the engine the
 * test opened, and returns the function that opens it. Call it at the top of a test file.
 *
 * @example
 * ```ts
 * const setup = calendarEngineEachTest();
 * it('books', async () => {
 *   const { boss } = await setup();
 * });
 * ```
 */
export function calendarEngineEachTest(): typeof calendarEngine {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });
  return async () => {
    const world = await calendarEngine();
    engine = world.engine;
    return world;
  };
}

/** Every document of a collection, deleted ones included, for before/after comparisons. */
export async function allDocs(engine: Engine, collection: string): Promise<unknown[]> {
  return engine.storage.read(
    async (tx) => (await tx.find(collection, { deleted: 'all', limit: 1000 })).items,
  );
}
