import { defineStep, defineWorkflow, type StampedEvent, type WorkflowInput } from '@rpma/engine';
import { setup } from 'xstate';
import * as z from 'zod/mini';

// A third-party workflow the UI has never heard of (window tint), to show the runner is generic.

const prep = defineStep({
  id: 'prep',
  title: 'Glass prep',
  estimatedMinutes: 20,
  data: z.object({
    glassCount: z.number().check(z.int(), z.gte(1), z.lte(12)),
    method: z.enum(['soap', 'alcohol']),
  }),
  checklist: [
    { id: 'clean', label: 'Glass cleaned', required: true },
    { id: 'gasket', label: 'Gaskets checked', required: false },
  ],
  photos: { min: 1, requiredTags: ['before'] },
});

const film = defineStep({
  id: 'film',
  title: 'Film applied',
  estimatedMinutes: 90,
  data: z.object({
    shade: z.enum(['5', '20', '35', '50']),
    windows: z.array(z.object({ glass: z.string().check(z.minLength(1)), m2: z.number().check(z.gt(0)) })),
    note: z.optional(z.string()),
  }),
  checklist: [],
  photos: { min: 0 },
});

const machine = setup({
  types: { input: {} as WorkflowInput, context: {} as { taskId: string }, events: {} as StampedEvent },
}).createMachine({
  id: 'window-tint',
  context: ({ input }) => ({ taskId: input.taskId }),
  initial: 'prep',
  states: {
    prep: { on: { 'STEP.SUBMIT': 'film' } },
    film: { on: { 'STEP.SUBMIT': 'done' } },
    done: { type: 'final' },
  },
});

/** The window-tint plugin of the runner's tests. */
export const windowTint = defineWorkflow({
  id: 'window-tint',
  version: 1,
  title: 'Window tint',
  machine,
  steps: [prep, film],
});
