import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineCommand } from '../../domain/command.js';
import { CommandRunner } from '../../domain/command-runner.js';
import type { Engine } from '../../engine/create-engine.js';
import { isEngineError } from '../../kernel/engine-error.js';
import { recordConsumption } from '../stock-ledger.js';
import { filmInput, type StockJob, stockFixture } from './stock-fixture.js';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function setup() {
  const fixture = await stockFixture();
  engine = fixture.engine;
  return fixture;
}

const DAY = 86_400_000;

describe('stock queries', () => {
  it('flags expired, expiring and over-shelf-life lots that are still in stock', async () => {
    const { boss, clock } = await setup();
    const film = await boss.materials.create(filmInput());
    const coating = await boss.materials.create({ ...filmInput('GTECHNIQ-C1'), type: 'coating', unit: 'ml' });
    await boss.stock.purchase({
      materialId: film.id,
      quantity: 10,
      lotNumber: 'OLD',
      receivedAt: '2025-10-01T00:00:00Z',
    });
    await boss.stock.purchase({
      materialId: film.id,
      quantity: 10,
      lotNumber: 'NEW',
      receivedAt: '2026-11-01T00:00:00Z',
    });
    await boss.stock.purchase({
      materialId: coating.id,
      quantity: 50,
      lotNumber: 'B-1',
      expiresAt: '2026-11-20T00:00:00Z',
    });
    await boss.stock.purchase({
      materialId: coating.id,
      quantity: 50,
      lotNumber: 'B-2',
      expiresAt: '2026-12-10T00:00:00Z',
    });
    await boss.stock.purchase({
      materialId: coating.id,
      quantity: 50,
      lotNumber: 'B-3',
      expiresAt: '2027-06-01T00:00:00Z',
    });
    await boss.stock.purchase({
      materialId: coating.id,
      quantity: 5,
      lotNumber: 'EMPTY',
      expiresAt: '2026-01-01T00:00:00Z',
    });
    const empty = (await boss.stock.onHand({ materialId: coating.id })).lots.find(
      (l) => l.lot.lotNumber === 'EMPTY',
    )!;
    await boss.stock.adjust({ materialId: coating.id, lotId: empty.lot.id, delta: -5, reason: 'binned' });

    const alerts = await boss.stock.lots({ alertsOnly: true });
    const flags = Object.fromEntries(
      alerts.map((a) => [a.lot.lotNumber, [a.expired, a.expiringSoon, a.overShelfLife]]),
    );
    expect(flags).toEqual({
      OLD: [false, false, true],
      'B-1': [true, false, false],
      'B-2': [false, true, false],
    });
    expect(alerts.find((a) => a.lot.lotNumber === 'OLD')?.ageDays).toBe(421);

    clock.advance(400 * DAY);
    expect(
      (await boss.stock.lots({ materialId: film.id, alertsOnly: true })).map((a) => a.lot.lotNumber),
    ).toEqual(['OLD', 'NEW']);
  });

  it('lists low stock, history newest first, and values stock at unit cost per currency', async () => {
    const { boss, tech, clock, job } = await setup();
    const film = await boss.materials.create(filmInput());
    const gloves = await boss.materials.create({
      ...filmInput('GLOVES-L'),
      type: 'consumable',
      unit: 'piece',
      reorderPoint: 20,
      unitCost: 0.25,
      currency: 'CHF',
    });
    await boss.stock.purchase({ materialId: film.id, quantity: 30 });
    clock.advance(60_000);
    await boss.stock.purchase({ materialId: gloves.id, quantity: 100 });
    clock.advance(60_000);
    await tech.stock.consume({ sku: 'GLOVES-L', quantity: 85, ...(await job()) });

    expect((await boss.stock.lowStock()).map((l) => [l.material.sku, l.onHand])).toEqual([['GLOVES-L', 15]]);
    const history = await boss.stock.history({ materialId: gloves.id });
    expect(history.items.map((m) => [m.kind, m.quantity])).toEqual([
      ['consumption', -85],
      ['purchase', 100],
    ]);
    const valuation = await boss.stock.valuation();
    expect(valuation.totals).toEqual({ EUR: 1155, CHF: 3.75 });
    await expect(tech.stock.valuation()).rejects.toSatisfy((e) => isEngineError(e, 'FORBIDDEN'));
  });

  it('sums consumption per intervention, per task and per period, with cost', async () => {
    const { boss, tech, clock, job } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 50, lotNumber: 'R-1', unitCost: 40 });
    const [first, second] = [await job(), await job()];
    const use = (on: StockJob, quantity: number) =>
      tech.stock.consume({ sku: film.sku, lot: 'R-1', quantity, ...on });
    await use(first, 2.4);
    await use(first, 1.2);
    await tech.stock.waste({
      materialId: film.id,
      quantity: 0.5,
      reason: 'creased',
      interventionId: first.interventionId,
      taskId: first.taskId,
    });
    clock.advance(10 * DAY);
    await use(second, 3);

    expect(await boss.stock.consumption({ interventionId: first.interventionId })).toEqual([
      { materialId: film.id, kind: 'consumption', quantity: 3.6, cost: 144 },
      { materialId: film.id, kind: 'waste', quantity: 0.5, cost: 19.25 },
    ]);
    expect(await boss.stock.consumption({ taskId: second.taskId })).toEqual([
      { materialId: film.id, kind: 'consumption', quantity: 3, cost: 120 },
    ]);
    const byMonth = await boss.stock.consumption({
      from: '2026-11-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      bucket: 'month',
    });
    expect(byMonth.map((r) => [r.period, r.kind, r.quantity])).toEqual([
      ['2026-11', 'consumption', 3.6],
      ['2026-12', 'consumption', 3],
      ['2026-11', 'waste', 0.5],
    ]);
  });

  it('traces a roll to the vehicles it went on, and a vehicle back to its rolls', async () => {
    const { boss, tech, job: open } = await setup();
    const film = await boss.materials.create(filmInput());
    const matte = await boss.materials.create(filmInput('XPEL-STEALTH'));
    const { lot: r1 } = await boss.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-1' });
    await boss.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-2' });
    await boss.stock.purchase({ materialId: matte.id, quantity: 30, lotNumber: 'M-1' });
    const [a, b] = [await open(), await open()];
    const job = (on: StockJob, sku: string, lot: string, zone: string, quantity: number) =>
      tech.stock.consume({ sku, lot, quantity, zone, ...on });
    await job(a, film.sku, 'R-1', 'hood', 2.4);
    await job(a, matte.sku, 'M-1', 'mirrors', 0.6);
    await job(b, film.sku, 'R-1', 'bumper', 0.9);
    await job(b, film.sku, 'R-2', 'hood', 2.4);
    await job(a, film.sku, 'R-1', 'fenders', 2.4);

    const roll = await boss.stock.traceLot({ lotId: r1!.id });
    expect(roll.vehicles).toEqual([a.vehicleId, b.vehicleId]);
    const use = (on: StockJob, zone: string, quantity: number) => [
      on.vehicleId,
      on.taskId,
      on.interventionId,
      zone,
      quantity,
    ];
    expect(roll.uses.map((u) => [u.vehicleId, u.taskId, u.interventionId, u.zone, u.quantity])).toEqual([
      use(a, 'hood', 2.4),
      use(b, 'bumper', 0.9),
      use(a, 'fenders', 2.4),
    ]);
    const car = await boss.stock.traceVehicle({ vehicleId: a.vehicleId });
    expect(car.lots).toEqual([
      { lotId: r1!.id, lotNumber: 'R-1', sku: film.sku, quantity: 4.8 },
      { lotId: expect.any(String), lotNumber: 'M-1', sku: 'XPEL-STEALTH', quantity: 0.6 },
    ]);
  });
});

describe('lot tracing through real tasks', () => {
  it('finds the task from the intervention and the vehicle from the task when the consumption names only the intervention', async () => {
    const { boss, tech, job } = await setup();
    const { interventionId, stepId, vehicleId } = await job();
    const film = await boss.materials.create(filmInput());
    const { lot } = await boss.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-9' });
    await tech.stock.consume({ sku: film.sku, lot: 'R-9', quantity: 2.4, interventionId, stepId });
    expect((await boss.stock.traceLot({ lotId: lot!.id })).vehicles).toEqual([vehicleId]);
    expect((await boss.stock.traceVehicle({ vehicleId })).lots).toEqual([
      { lotId: lot!.id, lotNumber: 'R-9', sku: film.sku, quantity: 2.4 },
    ]);
  });
});

describe('recordConsumption inside another command', () => {
  it('commits with that command, and rolls back with it', async () => {
    const { engine, boss } = await setup();
    const film = await boss.materials.create(filmInput());
    await boss.stock.purchase({ materialId: film.id, quantity: 5, lotNumber: 'R-1' });
    const submit = defineCommand({
      name: 'stock.consume',
      input: z.object({ quantities: z.array(z.number()) }),
      run: async (ctx, input) => {
        for (const quantity of input.quantities) {
          await recordConsumption(ctx, {
            sku: film.sku,
            lot: 'R-1',
            quantity,
            kind: 'consumption',
            interventionId: 'i-1',
            stepId: 'install',
          });
        }
        return input.quantities.length;
      },
    });
    const runner = engine.container.get(CommandRunner);
    await runner.execute(boss.principal, submit, { quantities: [1, 1.5] });
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(2.5);
    await expect(runner.execute(boss.principal, submit, { quantities: [2, 1] })).rejects.toSatisfy((e) =>
      isEngineError(e, 'PRECONDITION'),
    );
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(2.5);
    expect((await boss.stock.history({ materialId: film.id })).items).toHaveLength(3);
  });
});
