import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import {
  durationMs,
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  exploreWorkflow,
  leafStates,
  type WorkflowPoint,
} from '../../testing/workflow-kit.js';
import { fixtureWorkflow } from './fixture-workflow.js';

const samples = (point: WorkflowPoint) => {
  if (point.step === 'prep') {
    return [
      {
        type: 'STEP.SUBMIT',
        step: 'prep',
        data: { sku: 'C', litres: 1 },
        checklist: ['wash'],
        photos: [{ id: 'p', tags: ['before'] }],
      },
    ];
  }
  if (point.step === 'coat')
    return [{ type: 'STEP.SUBMIT', step: 'coat', data: {}, at: Number(point.context.releaseAt) }];
  return [];
};

describe('the plugin-author kit', () => {
  it('lists leaf states and finds every one reachable through the runtime checks', () => {
    expect(leafStates(fixtureWorkflow)).toEqual(['prep', 'coat.curing', 'coat.cured', 'done']);
    const found = expectEveryStateReachable(fixtureWorkflow, { events: samples });
    expect(found.reached.get('coat.cured')?.path.map((e) => e.type)).toEqual([
      'STEP.SUBMIT',
      'xstate.after.cure.fixture.coat.curing',
    ]);
  });

  it('reports the states that samples refused by the step checks cannot reach', () => {
    const unticked = (point: WorkflowPoint) =>
      samples(point).map((event) => (event.step === 'prep' ? { ...event, checklist: [] } : event));
    expect(exploreWorkflow(fixtureWorkflow, { events: unticked }).unreachable).toEqual([
      'coat.curing',
      'coat.cured',
      'done',
    ]);
    expect(() => expectEveryStateReachable(fixtureWorkflow, { events: unticked })).toThrow(EngineError);
  });

  it('round-trips the snapshot of every reachable state through JSON', () => {
    expect(expectSnapshotsRoundTrip(fixtureWorkflow, { events: samples })).toBe(4);
  });

  it('turns durations into milliseconds for the fake clock', () => {
    expect(durationMs({ days: 1, hours: 2, minutes: 3 })).toBe(93_780_000);
  });
});
