import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY, checkpointIfDue, latestCheckpoint } from '../stock-checkpoints.js';
import { filmInput, stockFixture } from './stock-fixture.js';

describe('stock checkpoints', () => {
  it('levels through checkpoints always equal the plain sum of every movement', async () => {
    const { engine, boss, tech, job: open } = await stockFixture({ allowNegativeStock: true });
    const job = await open();
    const a = await boss.materials.create(filmInput('A'));
    const b = await boss.materials.create(filmInput('B'));
    const move = fc.record({
      sku: fc.constantFrom('A', 'B'),
      quantity: fc.integer({ min: 1, max: 99 }).map((n) => n / 4),
      buy: fc.boolean(),
      checkpoint: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 12 }), async (moves) => {
        for (const m of moves) {
          const material = m.sku === 'A' ? a : b;
          if (m.buy) await boss.stock.purchase({ materialId: material.id, quantity: m.quantity });
          else await tech.stock.consume({ sku: m.sku, quantity: m.quantity, ...job });
          if (m.checkpoint)
            await engine.storage.write((tx) => checkpointIfDue(tx, '2026-11-26T08:00:00.000Z', 1));
        }
        const levels = new Map((await boss.stock.levels()).map((l) => [l.material.id, l.onHand]));
        for (const material of [a, b]) {
          expect(levels.get(material.id)).toBe((await boss.stock.onHand({ materialId: material.id })).onHand);
        }
      }),
      { numRuns: 15 },
    );
    expect((await engine.storage.read(latestCheckpoint)).generation).toBeGreaterThan(0);
    await engine.close();
  });

  it(`the ledger writes one after ${CHECKPOINT_EVERY} movements, covering all of them`, async () => {
    const { engine, boss, tech, job: open } = await stockFixture();
    const job = await open();
    const film = await boss.materials.create(filmInput());
    const now = '2026-11-26T08:00:00.000Z';
    await engine.storage.write(async (tx) => {
      for (let i = 0; i < CHECKPOINT_EVERY - 1; i++) {
        await tx.insert('stockMovements', {
          id: `seed-${i}`,
          createdAt: now,
          updatedAt: now,
          materialId: film.id,
          lotId: null,
          kind: 'purchase',
          quantity: 2,
          value: 77,
          at: now,
          interventionId: null,
          taskId: null,
          vehicleId: null,
          location: null,
          generation: 1,
        });
      }
    });
    expect((await engine.storage.read(latestCheckpoint)).generation).toBe(0);
    await tech.stock.consume({ sku: film.sku, quantity: 0.5, ...job });
    const checkpoint = await engine.storage.read(latestCheckpoint);
    expect(checkpoint).toMatchObject({
      generation: 1,
      movements: CHECKPOINT_EVERY,
      sums: { [film.id]: 9997.5 },
    });
    await tech.stock.consume({ sku: film.sku, quantity: 1, ...job });
    expect((await boss.stock.levels()).map((l) => l.onHand)).toEqual([9996.5]);
    expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(9996.5);
    await engine.close();
  });
});
