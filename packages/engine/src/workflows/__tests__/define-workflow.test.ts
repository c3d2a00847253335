import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import type * as z from 'zod/mini';
import { refusalOf } from '../../testing/refusal.js';
import { defineStep, defineWorkflow } from '../define-workflow.js';
import { coatStep, fixtureMachine, fixtureWorkflow, prepStep } from './fixture-workflow.js';

describe('defineWorkflow', () => {
  it('accepts a sound plugin and freezes it', () => {
    expect(fixtureWorkflow.id).toBe('fixture');
    expect(Object.isFrozen(fixtureWorkflow)).toBe(true);
  });

  it('refuses a step without a state, naming it', () => {
    const extra = defineStep({ ...coatStep, id: 'polish' });
    const error = refusalOf(() =>
      defineWorkflow({
        id: 'fixture',
        version: 1,
        title: 'F',
        machine: fixtureMachine(1),
        steps: [prepStep, coatStep, extra],
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain("step 'polish' has no top-level state");
  });

  it('refuses a state that is not a step, and duplicate step ids', () => {
    const error = refusalOf(() =>
      defineWorkflow({
        id: 'fixture',
        version: 1,
        title: 'F',
        machine: fixtureMachine(1),
        steps: [prepStep, prepStep],
      }),
    );
    expect(error.details.problems).toEqual(
      expect.arrayContaining([
        "duplicate step id 'prep'",
        expect.stringContaining("state 'coat' is not a step"),
      ]),
    );
  });

  it('refuses a machine that invokes a child actor', () => {
    const machine = createMachine({
      id: 'x',
      initial: 'prep',
      states: {
        prep: { invoke: { src: createMachine({}) }, on: { GO: 'done' } },
        done: { type: 'final' },
      },
    });
    const error = refusalOf(() =>
      defineWorkflow({ id: 'x', version: 1, title: 'X', machine, steps: [prepStep] }),
    );
    expect(error.message).toContain("state 'x.prep' invokes a child actor");
  });

  it('refuses a context JSON cannot store', () => {
    const machine = setup({}).createMachine({
      id: 'dated',
      context: { openedAt: new Date(0) },
      initial: 'prep',
      states: { prep: { on: { GO: 'done' } }, done: { type: 'final' } },
    });
    const error = refusalOf(() =>
      defineWorkflow({ id: 'dated', version: 1, title: 'D', machine, steps: [prepStep] }),
    );
    expect(error.message).toContain('snapshot.context.openedAt is a Date');
  });

  it('refuses a bad id, version, and migrations not below the version', () => {
    const error = refusalOf(() =>
      defineWorkflow({
        id: 'Bad Id',
        version: 0,
        title: '',
        machine: fixtureMachine(1),
        steps: [prepStep, coatStep],
        migrations: [{ from: 3, migrate: (s) => s }],
      }),
    );
    expect(error.details.problems).toEqual([
      'id must be lowercase letters, digits and dashes (got "Bad Id")',
      'version must be an integer ≥ 1 (got 0)',
      'title is empty',
      'migration from 3 is not below version 0',
    ]);
  });

  it('refuses a machine without a final state and a step without a schema', () => {
    const machine = createMachine({ id: 'loop', initial: 'prep', states: { prep: { on: { GO: 'prep' } } } });
    const noSchema = { ...prepStep, data: undefined as unknown as z.ZodMiniType };
    const error = refusalOf(() =>
      defineWorkflow({ id: 'loop', version: 1, title: 'L', machine, steps: [noSchema] }),
    );
    expect(error.details.problems).toEqual([
      "step 'prep' has no data schema",
      'the machine has no top-level final state (an intervention could never finish)',
    ]);
  });
});
