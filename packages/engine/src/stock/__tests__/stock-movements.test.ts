import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpStore } from '../../domain/__tests__/test-engine.js';
import type { Engine } from '../../engine/create-engine.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { filmInput, type StockJob, stockFixture } from './stock-fixture.js';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

/** The intervention of tech-1 the tests consume against. */
let job: StockJob;

async function setup(settings = {}) {
  const fixture = await stockFixture(settings);
  engine = fixture.engine;
  job = await fixture.job();
  return fixture;
}

describe('stock movements', () => {
  it('derives on hand from movements, per material and per lot', async () => {
    const { boss, tech } = await setup();
    const film = await boss.materials.create(filmInput());
    const { lot } = await boss.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-118' });
    await boss.stock.purchase({ materialId: film.id, quantity: 15, lotNumber: 'R-119' });
    await tech.stock.consume({ sku: film.sku, lot: 'R-118', quantity: 2.4, zone: 'hood', ...job });
    await tech.stock.waste({ materialId: film.id, lotId: lot!.id, quantity: 0.3, reason: 'creased' });
    await boss.stock.adjust({ materialId: film.id, delta: 0.1, reason: 'count' });

    const stock = await boss.stock.onHand({ materialId: film.id });
    expect(stock.onHand).toBe(42.4);
    expect(stock.lots.map((l) => [l.lot.lotNumber, l.onHand])).toEqual([
      ['R-118', 27.3],
      ['R-119', 15],
    ]);
    expect(stock.unassigned).toBe(0.1);
  });

  it('refuses to go below zero, for the material and for the lot, and changes nothing', async () => {
    const { boss, tech } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 3, lotNumber: 'R-1' });
    await boss.stock.purchase({ materialId: film.id, quantity: 5, lotNumber: 'R-2' });

    const tooMuch = tech.stock.consume({ sku: film.sku, lot: 'R-1', quantity: 3.5, ...job });
    await expect(tooMuch).rejects.toSatisfy(
      (e) =>
        isEngineError(e, 'PRECONDITION') &&
        e.details.reason === 'INSUFFICIENT_STOCK' &&
        e.details.onHand === 3,
    );
    await expect(boss.stock.adjust({ materialId: film.id, delta: -9, reason: 'count' })).rejects.toSatisfy(
      (e) => isEngineError(e, 'PRECONDITION'),
    );
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(8);
    expect((await boss.stock.history({ materialId: film.id })).items).toHaveLength(2);
  });

  it('lets stock go negative when the organisation allows it', async () => {
    const { boss, tech } = await setup({ allowNegativeStock: true });
    const film = await boss.materials.create(filmInput());
    await tech.stock.consume({ sku: film.sku, quantity: 2, ...job });
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(-2);
  });

  it('of two concurrent consumptions of the last units, exactly one succeeds', async () => {
    const { boss, tech, engine, job: open } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 2, lotNumber: 'R-1' });
    const other = engine.as(engine.auth.trust({ userId: 'tech-2', role: 'technician' }));
    const theirs = await open('tech-2');
    const results = await Promise.allSettled([
      tech.stock.consume({ sku: film.sku, lot: 'R-1', quantity: 2, ...job }),
      other.stock.consume({ sku: film.sku, lot: 'R-1', quantity: 2, ...theirs }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(isEngineError(refused?.reason, 'PRECONDITION')).toBe(true);
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(0);
  });

  it('publishes material.low_stock once per crossing of the reorder point', async () => {
    const { boss, tech, lowStock } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 12 });
    await tech.stock.consume({ sku: film.sku, quantity: 1, ...job });
    expect(lowStock).toHaveLength(0);
    await tech.stock.consume({ sku: film.sku, quantity: 1, ...job });
    expect(lowStock).toEqual([
      expect.objectContaining({ materialId: film.id, onHand: 10, reorderPoint: 10 }),
    ]);
    await tech.stock.consume({ sku: film.sku, quantity: 1, ...job });
    await boss.stock.transfer({ materialId: film.id, quantity: 2, from: 'Rack A', to: 'Van 2' });
    expect(lowStock).toHaveLength(1);
    await boss.stock.purchase({ materialId: film.id, quantity: 5 });
    await tech.stock.consume({ sku: film.sku, quantity: 4, ...job });
    expect(lowStock).toHaveLength(2);
    expect(lowStock[1]?.onHand).toBe(10);
  });

  it('publishes nothing for a refused movement', async () => {
    const { boss, tech, lowStock } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 11 });
    await expect(tech.stock.consume({ sku: film.sku, quantity: 12, ...job })).rejects.toThrow();
    expect(lowStock).toHaveLength(0);
  });

  it('keeps adjustments for supervisors and refuses an unknown SKU or lot', async () => {
    const { boss, tech } = await setup();
    const film = await boss.materials.create(filmInput());
    await expect(
      tech.stock.adjust({ materialId: film.id, delta: 5, reason: 'found a roll' }),
    ).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
    await expect(tech.stock.consume({ sku: 'NOPE', quantity: 1, ...job })).rejects.toSatisfy((e) =>
      isEngineError(e, 'NOT_FOUND'),
    );
    await expect(tech.stock.consume({ sku: film.sku, lot: 'R-404', quantity: 1, ...job })).rejects.toSatisfy(
      (e) => isEngineError(e, 'NOT_FOUND'),
    );
    await expect(boss.stock.adjust({ materialId: film.id, delta: 0, reason: 'x' })).rejects.toSatisfy((e) =>
      isEngineError(e, 'VALIDATION'),
    );
  });

  it('refuses a duplicate SKU, and a deleted material comes back from the trash with its stock', async () => {
    const { boss } = await setup();
    const film = await boss.materials.create(filmInput());
    await expect(boss.materials.create(filmInput())).rejects.toSatisfy((e) => isEngineError(e, 'CONFLICT'));
    await boss.stock.purchase({ materialId: film.id, quantity: 4 });
    await boss.materials.delete({ id: film.id });
    expect(await boss.stock.levels()).toEqual([]);
    await boss.trash.restore({ collection: 'materials', id: film.id });
    expect((await boss.stock.levels()).map((l) => l.onHand)).toEqual([4]);
  });
});

describe('stock.consume: which job it goes into', () => {
  it('refuses an intervention that does not exist: NOT_FOUND for staff, FORBIDDEN for a technician; writes nothing', async () => {
    const { boss, tech } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 10, lotNumber: 'R-1' });
    const before = await dumpStore(engine!);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 100 }).filter((id) => id !== job.interventionId),
        async (interventionId) => {
          const consume = { sku: film.sku, lot: 'R-1', quantity: 1, interventionId, stepId: 'prep' };
          await expect(boss.stock.consume(consume)).rejects.toSatisfy((e) => isEngineError(e, 'NOT_FOUND'));
          await expect(tech.stock.consume(consume)).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
        },
      ),
      { numRuns: 20 },
    );
    expect(await dumpStore(engine!)).toEqual(before);
  });

  it("refuses a technician on another technician's intervention and writes nothing; staff may record it", async () => {
    const { boss, tech, job: open } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 10, lotNumber: 'R-1' });
    const theirs = await open('tech-2');
    const before = await dumpStore(engine!);
    await expect(tech.stock.consume({ sku: film.sku, quantity: 1, ...theirs })).rejects.toSatisfy((e) =>
      isEngineError(e, 'FORBIDDEN'),
    );
    expect(await dumpStore(engine!)).toEqual(before);
    await boss.stock.consume({ sku: film.sku, quantity: 1, ...theirs });
    expect((await boss.stock.consumption({ interventionId: theirs.interventionId }))[0]?.quantity).toBe(1);
  });

  it('refuses a step its workflow does not have and writes nothing', async () => {
    const { boss, tech } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 10 });
    const before = await dumpStore(engine!);
    const error = await tech.stock
      .consume({ sku: film.sku, quantity: 1, ...job, stepId: 'installation' })
      .catch((e: unknown) => e);
    expect(isEngineError(error, 'VALIDATION') && error.details.steps).toEqual(['prep', 'coat']);
    expect(await dumpStore(engine!)).toEqual(before);
  });

  it("takes the task from the intervention and the vehicle from the task, refusing another job's; writes nothing", async () => {
    const { boss, tech, job: open } = await setup();
    const film = await boss.materials.create(filmInput());
    const { lot } = await boss.stock.purchase({ materialId: film.id, quantity: 10, lotNumber: 'R-1' });
    const other = await open();
    const before = await dumpStore(engine!);
    for (const claimed of [{ taskId: other.taskId }, { vehicleId: other.vehicleId }]) {
      const error = await tech.stock
        .consume({
          sku: film.sku,
          quantity: 1,
          interventionId: job.interventionId,
          stepId: 'prep',
          ...claimed,
        })
        .catch((e: unknown) => e);
      expect(isEngineError(error, 'VALIDATION')).toBe(true);
    }
    expect(await dumpStore(engine!)).toEqual(before);
    await tech.stock.consume({
      sku: film.sku,
      lot: 'R-1',
      quantity: 1,
      interventionId: job.interventionId,
      stepId: 'prep',
    });
    const trace = await boss.stock.traceLot({ lotId: lot!.id });
    expect(trace.uses.map((u) => [u.interventionId, u.taskId, u.vehicleId])).toEqual([
      [job.interventionId, job.taskId, job.vehicleId],
    ]);
  });
});
