import { sqljsStorage } from '@rpma/storage-sqljs';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import { FakeClock } from '../../kernel/clock.js';
import type { EngineEventMap } from '../../kernel/events.js';

/** An engine on an in-memory sql.js store, a supervisor and a technician, and the low-stock events seen. */
export async function stockFixture(settings: { allowNegativeStock?: boolean } = {}): Promise<{
  engine: Engine;
  clock: FakeClock;
  boss: Shop;
  tech: Shop;
  lowStock: EngineEventMap['material.low_stock'][];
}> {
  const clock = new FakeClock('2026-11-26T08:00:00Z');
  const engine = await createEngine({ storage: sqljsStorage(), clock });
  if (Object.keys(settings).length > 0) {
    await engine.as(engine.auth.trust({ userId: 'admin-1', role: 'admin' })).settings.update(settings);
  }
  const lowStock: EngineEventMap['material.low_stock'][] = [];
  engine.events.on('material.low_stock', (e) => lowStock.push(e));
  return {
    engine,
    clock,
    boss: engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' })),
    tech: engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' })),
    lowStock,
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
