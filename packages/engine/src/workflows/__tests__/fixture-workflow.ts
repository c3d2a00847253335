import { assign, setup } from 'xstate';
import * as z from 'zod/mini';
import type { StampedEvent, WorkflowInput } from '../contract.js';
import { defineStep, defineWorkflow } from '../define-workflow.js';

/** A small two-step workflow with a durable timer, used by the runtime's own tests. */
export const prepStep = defineStep({
  id: 'prep',
  title: 'Prep',
  estimatedMinutes: 30,
  data: z.object({ sku: z.string(), litres: z.number().check(z.gte(0)) }),
  checklist: [
    { id: 'wash', label: 'Wash', required: true },
    { id: 'dry', label: 'Dry', required: false },
  ],
  photos: { min: 1, requiredTags: ['before'] },
  environment: (data: { sku: string }) => [
    {
      product: data.sku,
      reading: { temperatureC: 20, humidityPct: 50, surfaceTempC: 20 },
      window: { minTempC: 10, maxTempC: 30, maxHumidityPct: 80 },
    },
  ],
  consumes: (data: { sku: string; litres: number }) => [
    { sku: data.sku, quantity: data.litres, kind: 'consumption' },
  ],
});

export const coatStep = defineStep({
  id: 'coat',
  title: 'Coat',
  estimatedMinutes: 60,
  data: z.object({ notes: z.optional(z.string()) }),
  checklist: [],
  photos: { min: 0 },
  check: ({ context, at }) =>
    at < Number(context.releaseAt)
      ? [`cures until ${new Date(Number(context.releaseAt)).toISOString()}`]
      : [],
});

export function fixtureMachine(version: number) {
  return setup({
    types: {
      input: {} as WorkflowInput,
      context: {} as { taskId: string; releaseAt: number; cures: number; version: number },
      events: {} as StampedEvent,
    },
    delays: { cure: 60 * 60_000 },
  }).createMachine({
    id: 'fixture',
    context: ({ input }) => ({ taskId: input.taskId, releaseAt: 0, cures: 0, version }),
    initial: 'prep',
    states: {
      prep: {
        on: {
          'STEP.SUBMIT': {
            target: 'coat',
            actions: assign({ releaseAt: ({ event }) => event.at + 60 * 60_000 }),
          },
        },
      },
      coat: {
        initial: 'curing',
        states: {
          curing: {
            after: {
              cure: { target: 'cured', actions: assign({ cures: ({ context }) => context.cures + 1 }) },
            },
          },
          cured: {},
        },
        on: { 'STEP.SUBMIT': 'done', BACK: 'prep' },
      },
      done: { type: 'final' },
    },
  });
}

export const fixtureWorkflow = defineWorkflow({
  id: 'fixture',
  version: 1,
  title: 'Fixture',
  machine: fixtureMachine(1),
  steps: [prepStep, coatStep],
});
