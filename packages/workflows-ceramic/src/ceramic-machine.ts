import type { StampedEvent, WorkflowInput } from '@rpma/engine';
import { assign, setup } from 'xstate';
import type { CoatingProduct } from './coating-products.js';
import type { ApplicationData } from './steps/application.js';

const HOUR = 3_600_000;

/**
 * What a ceramic run remembers (JSON only): the product and method chosen at application, and
 * when the vehicle may be released.
 *
 * @example
 * ```ts
 * view.snapshot.context.releaseAt; // 1764230400000
 * ```
 */
export interface CeramicContext {
  taskId: string;
  coverage: string[];
  startedAt: number;
  product: string | null;
  bottleLot: string | null;
  cureMethod: 'ambient' | 'ir' | null;
  cureMs: number;
  releaseAt: number | null;
  releasedAt: number | null;
}

type CeramicEvent = StampedEvent & { step?: string; data?: unknown };

/**
 * The ceramic machine: preparation → application → curing (holding → ready, after the
 * product's minimum cure: a delayed transition the runtime stores as a durable timer) →
 * finalization → completed.
 *
 * @example
 * ```ts
 * const machine = ceramicMachine(COATING_PRODUCTS);
 * ```
 */
export function ceramicMachine(products: Readonly<Record<string, CoatingProduct>>) {
  return setup({
    types: { context: {} as CeramicContext, events: {} as CeramicEvent, input: {} as WorkflowInput },
    guards: {
      submits: ({ event }, step: string) => event.type === 'STEP.SUBMIT' && event.step === step,
      cured: ({ context, event }) =>
        event.type === 'STEP.SUBMIT' &&
        event.step === 'curing' &&
        context.releaseAt !== null &&
        event.at >= context.releaseAt,
    },
    delays: { cureMinimum: ({ context }) => context.cureMs },
  }).createMachine({
    id: 'ceramic',
    context: ({ input }) => ({
      taskId: input.taskId,
      coverage: input.coverage,
      startedAt: input.startedAt,
      product: null,
      bottleLot: null,
      cureMethod: null,
      cureMs: 0,
      releaseAt: null,
      releasedAt: null,
    }),
    initial: 'preparation',
    states: {
      preparation: {
        on: { 'STEP.SUBMIT': { guard: { type: 'submits', params: 'preparation' }, target: 'application' } },
      },
      application: {
        on: {
          'STEP.SUBMIT': {
            guard: { type: 'submits', params: 'application' },
            target: 'curing',
            actions: assign(({ event }) => {
              const data = event.data as ApplicationData;
              const hours = products[data.product]?.minCureHours[data.cureMethod] ?? 24;
              return {
                product: data.product,
                bottleLot: data.bottleLot,
                cureMethod: data.cureMethod,
                cureMs: hours * HOUR,
                releaseAt: event.at + hours * HOUR,
              };
            }),
          },
        },
      },
      curing: {
        initial: 'holding',
        states: {
          holding: { after: { cureMinimum: 'ready' } },
          ready: {},
        },
        on: {
          'STEP.SUBMIT': {
            guard: 'cured',
            target: 'finalization',
            actions: assign(({ event }) => ({ releasedAt: event.at })),
          },
        },
      },
      finalization: {
        on: { 'STEP.SUBMIT': { guard: { type: 'submits', params: 'finalization' }, target: 'completed' } },
      },
      completed: { type: 'final' },
    },
  });
}
