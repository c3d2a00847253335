import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { roundQuantity } from '../stock-movement.js';
import { filmInput, stockFixture } from './stock-fixture.js';

const step = fc.record({
  kind: fc.constantFrom('purchase', 'consume', 'waste', 'adjust'),
  lot: fc.constantFrom('R-1', 'R-2'),
  quantity: fc.integer({ min: 1, max: 400 }).map((n) => n / 10),
  down: fc.boolean(),
});

describe('stock under random movement sequences (negatives not allowed)', () => {
  it('never goes negative, and on hand always equals the sum of accepted movements', async () => {
    const { engine, boss, tech, job: open } = await stockFixture();
    const job = await open();
    const film = await boss.materials.create(filmInput());
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        run++;
        const material = await boss.materials.create(filmInput(`${film.sku}-${run}`));
        const lots: Record<string, string> = {};
        const expected: Record<string, number> = { 'R-1': 0, 'R-2': 0 };
        for (const s of steps) {
          const delta = s.kind === 'purchase' || (s.kind === 'adjust' && !s.down) ? s.quantity : -s.quantity;
          try {
            if (s.kind === 'purchase') {
              const { lot } = await boss.stock.purchase({
                materialId: material.id,
                quantity: s.quantity,
                lotNumber: s.lot,
              });
              lots[s.lot] = lot!.id;
            } else if (!lots[s.lot]) {
              continue;
            } else if (s.kind === 'consume') {
              await tech.stock.consume({ sku: material.sku, lot: s.lot, quantity: s.quantity, ...job });
            } else if (s.kind === 'waste') {
              await tech.stock.waste({
                materialId: material.id,
                lotId: lots[s.lot],
                quantity: s.quantity,
                reason: 'test',
              });
            } else {
              await boss.stock.adjust({
                materialId: material.id,
                lotId: lots[s.lot],
                delta,
                reason: 'count',
              });
            }
            expected[s.lot] = roundQuantity(expected[s.lot]! + delta);
          } catch (error) {
            expect(isEngineError(error, 'PRECONDITION')).toBe(true);
            expect(roundQuantity(expected[s.lot]! + delta)).toBeLessThan(0);
          }
        }
        const stock = await boss.stock.onHand({ materialId: material.id });
        for (const { lot, onHand } of stock.lots) {
          expect(onHand).toBeGreaterThanOrEqual(0);
          expect(onHand).toBe(expected[lot.lotNumber]);
        }
        expect(stock.onHand).toBe(roundQuantity(expected['R-1']! + expected['R-2']!));
      }),
      { numRuns: 25 },
    );
    await engine.close();
  });
});
