import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../testing/refusal.js';
import { dewPointC, environmentProblems } from '../environment.js';
import { applyWorkflowEvent, startWorkflow, stateLabel } from '../workflow-transition.js';
import { fixtureWorkflow } from './fixture-workflow.js';

const at = Date.parse('2026-11-26T08:00:00Z');
const submitPrep = {
  type: 'STEP.SUBMIT',
  step: 'prep',
  data: { sku: 'COAT-1', litres: 0.05 },
  checklist: ['wash'],
  photos: [{ id: 'p1', tags: ['before'] }],
  at,
  by: 'u-1',
};

describe('the pure workflow transition', () => {
  const start = startWorkflow(fixtureWorkflow, { taskId: 't-1', coverage: ['hood'], startedAt: at });

  it('starts at the first step with a JSON-safe snapshot', () => {
    expect(start.toStep).toBe('prep');
    expect(JSON.parse(JSON.stringify(start.snapshot))).toEqual(start.snapshot);
  });

  it('takes a valid submission to the next step and takes the delayed transition out as a timer', () => {
    const next = applyWorkflowEvent(fixtureWorkflow, start.snapshot, submitPrep);
    expect(next.state).toBe('coat.curing');
    expect(next.fromStep).toBe('prep');
    expect(next.toStep).toBe('coat');
    expect(next.schedule).toEqual([
      {
        key: 'xstate.after.cure.fixture.coat.curing',
        eventType: 'xstate.after.cure.fixture.coat.curing',
        delayMs: 3_600_000,
      },
    ]);
    expect(next.submission?.data).toEqual({ sku: 'COAT-1', litres: 0.05 });
  });

  it('fires the stored timer event and cancels the timer when its state is left', () => {
    const coat = applyWorkflowEvent(fixtureWorkflow, start.snapshot, submitPrep);
    const fired = applyWorkflowEvent(fixtureWorkflow, coat.snapshot, {
      type: 'xstate.after.cure.fixture.coat.curing',
      at: at + 3_600_000,
      by: 'system',
    });
    expect(fired.state).toBe('coat.cured');
    const back = applyWorkflowEvent(fixtureWorkflow, coat.snapshot, { type: 'BACK', at, by: 'u-1' });
    expect(back.cancel).toEqual(['xstate.after.cure.fixture.coat.curing']);
  });

  it('refuses an event the state does not accept, naming the state and what it accepts', () => {
    const error = refusalOf(() =>
      applyWorkflowEvent(fixtureWorkflow, start.snapshot, { type: 'BACK', at, by: 'u-1' }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe("'BACK' is not accepted in state 'prep': it accepts STEP.SUBMIT");
  });

  it('refuses a submission for another step', () => {
    const error = refusalOf(() =>
      applyWorkflowEvent(fixtureWorkflow, start.snapshot, { ...submitPrep, step: 'coat' }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain("the intervention is at step 'prep'");
  });

  it('refuses bad data with VALIDATION and the paths', () => {
    const error = refusalOf(() =>
      applyWorkflowEvent(fixtureWorkflow, start.snapshot, {
        ...submitPrep,
        data: { sku: 'COAT-1', litres: -1 },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect((error.details.issues as { path: string }[])[0]?.path).toBe('litres');
  });

  it('refuses missing checklist items and photos with PRECONDITION listing each', () => {
    const error = refusalOf(() =>
      applyWorkflowEvent(fixtureWorkflow, start.snapshot, {
        ...submitPrep,
        checklist: ['dry', 'wax'],
        photos: [],
      }),
    );
    expect(error.code).toBe('PRECONDITION');
    expect(error.details.missing).toEqual([
      "checklist item 'wax' is not part of this step",
      "checklist: 'Wash' is not ticked",
      'photos: 1 needed, 0 given',
      "photos: no photo tagged 'before'",
    ]);
  });

  it("runs the step's own check with the event time, never the clock", () => {
    const coat = applyWorkflowEvent(fixtureWorkflow, start.snapshot, submitPrep);
    const early = { type: 'STEP.SUBMIT', step: 'coat', data: {}, at: at + 60_000, by: 'u-1' };
    expect(
      refusalOf(() => applyWorkflowEvent(fixtureWorkflow, coat.snapshot, early)).details.missing,
    ).toEqual(['cures until 2026-11-26T09:00:00.000Z']);
    const done = applyWorkflowEvent(fixtureWorkflow, coat.snapshot, { ...early, at: at + 3_600_000 });
    expect(done.done).toBe(true);
    expect(done.toStep).toBeNull();
  });
});

describe('environment gates', () => {
  it('computes the dew point by the Magnus formula', () => {
    expect(dewPointC(20, 50)).toBeCloseTo(9.26, 1);
    expect(dewPointC(10, 100)).toBeCloseTo(10, 5);
  });

  it('names every reading out of the product window', () => {
    const problems = environmentProblems({
      product: 'Coat Pro',
      reading: { temperatureC: 36, humidityPct: 85, surfaceTempC: 33 },
      window: { minTempC: 10, maxTempC: 32, maxHumidityPct: 80, minDewPointMarginC: 3 },
    });
    expect(problems).toEqual([
      'Coat Pro: temperature 36 °C is above the maximum 32 °C',
      'Coat Pro: humidity 85 % is above the maximum 80 %',
      'Coat Pro: surface 33 °C is only -0.1 °C above the dew point 33.1 °C (needs 3 °C)',
    ]);
  });

  it('labels nested states with dots', () => {
    expect(stateLabel({ coat: { curing: 'lamp' } })).toBe('coat.curing.lamp');
  });
});
