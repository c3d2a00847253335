import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { prepSubmission, shopFixture, storeDump } from './engine-fixture.js';
import { fixtureWorkflow } from './fixture-workflow.js';

const events = [
  prepSubmission,
  { ...prepSubmission, checklist: [] },
  { ...prepSubmission, data: { sku: 'COAT-1', litres: -2 } },
  { ...prepSubmission, data: { sku: 'NO-SUCH-SKU', litres: 1 } },
  { type: 'STEP.SUBMIT', step: 'coat', data: {} },
  { type: 'BACK' },
  { type: 'WHATEVER' },
];

describe('the runtime under random event sequences (real sql.js store)', () => {
  it('never corrupts an intervention: refused sends change nothing, accepted ones keep steps, stock and timers consistent', async () => {
    const f = await shopFixture({ workflows: [fixtureWorkflow] });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              pick: fc.integer({ min: 0, max: events.length - 1 }),
              minutes: fc.integer({ min: 0, max: 90 }),
            }),
            {
              maxLength: 8,
            },
          ),
          async (sequence) => {
            const task = await f.task('fixture', ['hood']);
            const run = await f.tech.interventions.start(task.id);
            for (const { pick, minutes } of sequence) {
              f.clock.advance(minutes * 60_000);
              await f.engine.workflows.tick();
              const before = await storeDump(f.engine);
              try {
                await f.tech.interventions.send(run.id, events[pick] as { type: string });
              } catch (error) {
                if (!(error instanceof EngineError)) throw error;
                expect(['INVALID_TRANSITION', 'VALIDATION', 'PRECONDITION', 'NOT_FOUND']).toContain(
                  error.code,
                );
                expect(await storeDump(f.engine)).toBe(before);
              }
            }
            const view = await f.boss.interventions.get(run.id);
            const { steps } = await f.boss.interventions.history(run.id);
            expect(steps.filter((s) => s.status === 'in_progress').length).toBe(
              view.status === 'completed' ? 0 : 1,
            );
            expect(steps.at(-1)?.stepId ?? null).toBe(view.status === 'completed' ? 'coat' : view.step);
            const prepDone = steps.filter((s) => s.stepId === 'prep' && s.status === 'completed').length;
            const moves = await f.engine.storage.read((tx) =>
              tx.count('stockMovements', { interventionId: run.id, kind: 'consumption' }),
            );
            expect(moves).toBe(prepDone);
            expect(view.timers.length).toBe(view.state === 'coat.curing' ? 1 : 0);
          },
        ),
        { numRuns: 12 },
      );
    } finally {
      await f.engine.close();
    }
  });
});
