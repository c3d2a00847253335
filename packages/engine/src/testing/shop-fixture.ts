import type { ContainerModule } from 'inversify';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { Shop } from '../engine/shop.js';
import { FakeClock } from '../kernel/clock.js';
import type { StorageAdapter } from '../storage/contract.js';
import type { TaskView } from '../tasks/task-model.js';
import type { WorkflowPlugin } from '../workflows/contract.js';
import { assignedTask } from './open-intervention.js';

/** When a fixture shop's clock starts, and when its tasks are scheduled. */
export const FIXTURE_START = '2026-11-26T08:00:00.000Z';

/**
 * What a fixture shop is built on: the storage (its adapter's test double or the real one), the
 * workflows, the material bought into stock, and optionally the clock and more modules (the
 * photo bindings of the platform, say).
 *
 * @example
 * ```ts
 * const options: ShopFixtureOptions = {
 *   storage: sqljsStorage(),
 *   workflows: [ppfWorkflow()],
 *   stock: {
 *     material: { sku: 'PPF-GLOSS-8', name: 'Gloss PPF 8 mil', type: 'film', unit: 'm2' },
 *     purchase: { quantity: 30, lotNumber: 'R-118' },
 *   },
 * };
 * ```
 */
export interface ShopFixtureOptions {
  storage: StorageAdapter;
  workflows: WorkflowPlugin[];
  stock: {
    material: Parameters<Shop['materials']['create']>[0];
    purchase: Omit<Parameters<Shop['stock']['purchase']>[0], 'materialId'>;
  };
  modules?: ContainerModule[];
  clock?: FakeClock;
}

/**
 * A fixture shop: the engine on a fake clock (timers ticked by hand), a supervisor `boss`
 * (`sup-1`) and a technician `tech` (`tech-1`), a client, a material in stock, and `task()` to
 * create a scheduled task of a service assigned to the technician.
 *
 * @example
 * ```ts
 * const { tech, task } = await shopFixture(options);
 * const run = await tech.interventions.start((await task('ppf', ['hood'])).id);
 * ```
 */
export interface ShopFixture {
  engine: Engine;
  clock: FakeClock;
  boss: Shop;
  tech: Shop;
  clientId: string;
  materialId: string;
  task(service: string, coverage: string[]): Promise<TaskView>;
}

/**
 * Builds a {@link ShopFixture} through the public API, for workflow plugin tests and the
 * engine's own runtime tests. The caller closes `engine`.
 *
 * @example
 * ```ts
 * const f = await shopFixture({ storage: sqljsStorage(), workflows: [ceramicWorkflow()], stock });
 * try {
 *   const job = await f.task('ceramic', ['hood', 'roof']);
 * } finally {
 *   await f.engine.close();
 * }
 * ```
 */
export async function shopFixture(options: ShopFixtureOptions): Promise<ShopFixture> {
  const clock = options.clock ?? new FakeClock(FIXTURE_START);
  const engine = await createEngine({
    storage: options.storage,
    clock,
    workflows: options.workflows,
    timerIntervalMs: 0,
    modules: options.modules ?? [],
  });
  const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
  const tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
  const client = await boss.clients.create({ kind: 'individual', name: 'Léa Martin' });
  const material = await boss.materials.create(options.stock.material);
  await boss.stock.purchase({ materialId: material.id, ...options.stock.purchase });
  return {
    engine,
    clock,
    boss,
    tech,
    clientId: client.id,
    materialId: material.id,
    task: (service, coverage) => assignedTask(boss, client.id, { service, coverage, technicianId: 'tech-1' }),
  };
}
