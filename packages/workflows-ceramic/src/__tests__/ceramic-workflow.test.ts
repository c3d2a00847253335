import { applyWorkflowEvent, EngineError, startWorkflow } from '@rpma/engine';
import {
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  refusalOf,
  stamped,
} from '@rpma/engine/testing';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceramicWorkflow } from '../ceramic-workflow.js';
import {
  applicationSubmit,
  ceramicSamples,
  curingSubmit,
  finalizationSubmit,
  preparationSubmit,
} from './ceramic-samples.js';

const HOUR = 3_600_000;
const panels = ['hood', 'roof'];
const input = { taskId: 't-1', coverage: panels, startedAt: Date.parse('2026-11-26T08:00:00Z') };
const ceramic = ceramicWorkflow();
const T = input.startedAt;

function applied(options: Parameters<typeof applicationSubmit>[1] = {}) {
  const prepared = applyWorkflowEvent(
    ceramic,
    startWorkflow(ceramic, input).snapshot,
    stamped(preparationSubmit(panels), T),
  );
  return applyWorkflowEvent(ceramic, prepared.snapshot, stamped(applicationSubmit(panels, options), T));
}

describe('the ceramic workflow', () => {
  it('reaches every state and round-trips every snapshot (kit)', () => {
    const options = { input, events: ceramicSamples(panels) };
    expect(expectEveryStateReachable(ceramic, options).states).toEqual([
      'preparation',
      'application',
      'curing.holding',
      'curing.ready',
      'finalization',
      'completed',
    ]);
    expect(expectSnapshotsRoundTrip(ceramic, options)).toBe(6);
  });

  it('gates application on the product window and the dew-point margin', () => {
    const prepared = applyWorkflowEvent(
      ceramic,
      startWorkflow(ceramic, input).snapshot,
      stamped(preparationSubmit(panels), T),
    );
    const damp = applicationSubmit(panels, { humidityPct: 85, surfaceTempC: 18 });
    expect(
      refusalOf(() => applyWorkflowEvent(ceramic, prepared.snapshot, stamped(damp, T))).details.missing,
    ).toEqual([
      'Pro ceramic 5-year: humidity 85 % is above the maximum 80 %',
      'Pro ceramic 5-year: surface 18 °C is only 0.6 °C above the dew point 17.4 °C (needs 3 °C)',
    ]);
  });

  it('schedules the cure as a durable timer and refuses release before the product minimum', () => {
    const curing = applied();
    expect(curing.state).toBe('curing.holding');
    expect(curing.schedule).toEqual([
      {
        key: 'xstate.after.cureMinimum.ceramic.curing.holding',
        eventType: 'xstate.after.cureMinimum.ceramic.curing.holding',
        delayMs: 24 * HOUR,
      },
    ]);
    const early = refusalOf(() =>
      applyWorkflowEvent(ceramic, curing.snapshot, stamped(curingSubmit(T + 20 * HOUR), T + 20 * HOUR)),
    );
    expect(early.details.missing).toEqual([
      'the coating cures until 2026-11-27T08:00:00.000Z (COAT-PRO-5Y minimum): the vehicle cannot be released yet',
    ]);
    const released = applyWorkflowEvent(
      ceramic,
      curing.snapshot,
      stamped(curingSubmit(T + 24 * HOUR), T + 24 * HOUR),
    );
    expect(released.toStep).toBe('finalization');
  });

  it('cures faster under IR lamps, which must cover every panel', () => {
    const curing = applied({ cureMethod: 'ir' });
    expect(curing.schedule[0]?.delayMs).toBe(12 * HOUR);
    const at = T + 12 * HOUR;
    expect(
      refusalOf(() =>
        applyWorkflowEvent(ceramic, curing.snapshot, stamped(curingSubmit(at, 'ir', ['hood']), at)),
      ).details.missing,
    ).toEqual(['IR curing: no lamp session recorded for roof']);
    expect(
      applyWorkflowEvent(ceramic, curing.snapshot, stamped(curingSubmit(at, 'ir', panels), at)).toStep,
    ).toBe('finalization');
  });

  it('holds finalization to the product warranty and maintenance terms', () => {
    const curing = applied();
    const at = T + 30 * HOUR;
    const final = applyWorkflowEvent(ceramic, curing.snapshot, stamped(curingSubmit(at), at));
    const late = finalizationSubmit(at);
    const data = late.data as { warranty: { registrationDeadline: string; years: number } };
    const bad = {
      ...late,
      data: {
        ...data,
        warranty: { registrationDeadline: new Date(at + 20 * 86_400_000).toISOString(), years: 7 },
      },
    };
    expect(
      refusalOf(() => applyWorkflowEvent(ceramic, final.snapshot, stamped(bad, at))).details.missing,
    ).toEqual([
      'warranty: Pro ceramic 5-year must be registered within 14 days',
      'warranty: Pro ceramic 5-year carries 5 years, not 7',
    ]);
    expect(applyWorkflowEvent(ceramic, final.snapshot, stamped(late, at)).done).toBe(true);
  });

  it('never corrupts its state under random event sequences; refused events change nothing', () => {
    const events = [
      preparationSubmit(panels),
      { ...preparationSubmit(panels), checklist: [] },
      applicationSubmit(panels),
      applicationSubmit(panels, { temperatureC: 5 }),
      curingSubmit(T + HOUR),
      curingSubmit(T + 48 * HOUR),
      { type: 'xstate.after.cureMinimum.ceramic.curing.holding' },
      finalizationSubmit(T + 50 * HOUR),
      { type: 'STEP.SUBMIT', step: 'curing', data: {} },
      { type: 'NOPE' },
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: 20 }), (picks) => {
        let snapshot = startWorkflow(ceramic, input).snapshot;
        for (const pick of picks) {
          const before = JSON.stringify(snapshot);
          const event = events[pick] as Record<string, unknown>;
          try {
            snapshot = applyWorkflowEvent(
              ceramic,
              snapshot,
              stamped(event, (event.at as number | undefined) ?? T),
            ).snapshot;
          } catch (error) {
            if (!(error instanceof EngineError)) throw error;
            expect(['INVALID_TRANSITION', 'VALIDATION', 'PRECONDITION']).toContain(error.code);
            expect(JSON.stringify(snapshot)).toBe(before);
          }
          const { context } = snapshot;
          if (JSON.stringify(snapshot.value) === '"finalization"' || snapshot.value === 'completed') {
            expect(Number(context.releasedAt)).toBeGreaterThanOrEqual(Number(context.releaseAt));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
