import { sqljsStorage } from '@rpma/storage-sqljs';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import { FakeClock } from '../../kernel/clock.js';
import type { EngineEventMap } from '../../kernel/events.js';
import { FIXTURE_START } from '../../testing/shop-fixture.js';
import { fixtureWorkflow } from '../../workflows/__tests__/fixture-workflow.js';

/** A real intervention to consume against: its id, a step of its workflow, its task and vehicle. */
export interface StockJob {
  interventionId: string;
  stepId: string;
  taskId: string;
  vehicleId: string;
}

/**
 * An engine on an in-memory sql.js store with the fixture workflow, a supervisor and a
 * technician, the low-stock events seen, and `job()` to open an intervention (a new client, car
 * and task assigned to `tech-1` or the technician named, its `prep` step) that `stock.consume` accepts.
 */
export async function stockFixture(settings: { allowNegativeStock?: boolean } = {}): Promise<{
  engine: Engine;
  clock: FakeClock;
  boss: Shop;
  tech: Shop;
  lowStock: EngineEventMap['material.low_stock'][];
  job(technicianId?: string): Promise<StockJob>;
}> {
  const clock = new FakeClock('2026-11-26T08:00:00Z');
  const engine = await createEngine({ storage: sqljsStorage(), clock, workflows: [fixtureWorkflow] });
  if (Object.keys(settings).length > 0) {
    await engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' })).settings.update(settings);
  }
  const lowStock: EngineEventMap['material.low_stock'][] = [];
  engine.events.on('material.low_stock', (e) => lowStock.push(e));
  const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
  const job = async (technicianId = 'tech-1'): Promise<StockJob> => {
    const client = await boss.clients.create({ kind: 'individual', name: 'Léa Martin' });
    const car = await boss.vehicles.create({ clientId: client.id, make: 'Tesla', model: 'Model 3' });
    const task = await boss.tasks.create({
      title: 'Full front',
      clientId: client.id,
      vehicleId: car.id,
      service: 'fixture',
      coverage: ['hood'],
      technicianId,
      scheduledStart: FIXTURE_START,
    });
    const run = await boss.interventions.start(task.id);
    return { interventionId: run.id, stepId: 'prep', taskId: task.id, vehicleId: car.id };
  };
  return {
    engine,
    clock,
    boss,
    tech: engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' })),
    lowStock,
    job,
  };
}

/** A film material with a reorder point of 10 m². */
export function filmInput(sku = 'XPEL-ULT-60') {
  return {
    sku,
    name: 'XPEL Ultimate Plus 60"',
    type: 'film' as const,
    unit: 'm2' as const,
    reorderPoint: 10,
    unitCost: 38.5,
    supplier: 'XPEL France',
    storageLocation: 'Rack A',
    category: 'PPF',
  };
}
