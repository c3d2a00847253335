import type { StampedEvent, WorkflowInput } from '@rpma/engine';
import { assign, setup } from 'xstate';
import { thicknessFlags } from './paint-thickness.js';
import type { ResolvedPpfOptions } from './ppf-options.js';
import type { InspectionData } from './steps/inspection.js';
import type { InstallationData } from './steps/installation.js';
import { rollWarnings } from './steps/preparation.js';
import { PANEL_NEIGHBOURS } from './zones.js';

/**
 * What a PPF run remembers between steps (JSON only: it is stored with every transition).
 *
 * @example
 * ```ts
 * view.snapshot.context.flags; // [{ panel: 'fender_left', kind: 'repaint', averageUm: 236 }]
 * ```
 */
export interface PpfContext {
  taskId: string;
  coverage: string[];
  startedAt: number;
  flags: { panel: string; kind: string; averageUm: number }[];
  waiverSignedBy: string | null;
  roll: { sku: string; lot: string; receivedOn: string } | null;
  warnings: string[];
  installedZones: string[];
  reworkZones: string[];
  reworks: number;
  signedOffAt: number | null;
}

type PpfEvent = StampedEvent & { step?: string; data?: unknown; zones?: unknown };

/**
 * The PPF machine: inspection → preparation → installation → finalization → completed, with
 * `QC.REWORK` sending zones from finalization back to installation. The express variant has no
 * preparation state (its installation step carries the prep checklist).
 *
 * @example
 * ```ts
 * const machine = ppfMachine('ppf', resolvePpfOptions(), { express: false });
 * ```
 */
export function ppfMachine(id: string, options: ResolvedPpfOptions, variant: { express: boolean }) {
  return setup({
    types: { context: {} as PpfContext, events: {} as PpfEvent, input: {} as WorkflowInput },
    guards: {
      submits: ({ event }, step: string) => event.type === 'STEP.SUBMIT' && event.step === step,
      reworksInstalledZones: ({ context, event }) =>
        Array.isArray(event.zones) &&
        event.zones.length > 0 &&
        event.zones.every((zone) => typeof zone === 'string' && context.installedZones.includes(zone)),
    },
  }).createMachine({
    id,
    context: ({ input }) => ({
      taskId: input.taskId,
      coverage: input.coverage,
      startedAt: input.startedAt,
      flags: [],
      waiverSignedBy: null,
      roll: null,
      warnings: [],
      installedZones: [],
      reworkZones: [],
      reworks: 0,
      signedOffAt: null,
    }),
    initial: 'inspection',
    states: {
      inspection: {
        on: {
          'STEP.SUBMIT': {
            guard: { type: 'submits', params: 'inspection' },
            target: variant.express ? 'installation' : 'preparation',
            actions: assign(({ event }) => {
              const data = event.data as InspectionData;
              return {
                flags: thicknessFlags(data.panels, PANEL_NEIGHBOURS, options.thickness).map(
                  ({ panel, kind, averageUm }) => ({
                    panel,
                    kind,
                    averageUm,
                  }),
                ),
                waiverSignedBy: data.waiver?.signedBy ?? null,
              };
            }),
          },
        },
      },
      ...(variant.express
        ? {}
        : {
            preparation: {
              on: {
                'STEP.SUBMIT': {
                  guard: { type: 'submits', params: 'preparation' },
                  target: 'installation',
                  actions: assign(({ context, event }) => {
                    const roll = (event.data as { roll: PpfContext['roll'] & object }).roll;
                    return {
                      roll,
                      warnings: [
                        ...context.warnings,
                        ...rollWarnings(roll, event.at, options.rollShelfLifeDays),
                      ],
                    };
                  }),
                },
              },
            },
          }),
      installation: {
        on: {
          'STEP.SUBMIT': {
            guard: { type: 'submits', params: 'installation' },
            target: 'finalization',
            actions: assign(({ context, event }) => ({
              installedZones: [
                ...new Set([
                  ...context.installedZones,
                  ...(event.data as InstallationData).zones.map((z) => z.zone),
                ]),
              ],
              reworkZones: [],
            })),
          },
        },
      },
      finalization: {
        on: {
          'STEP.SUBMIT': {
            guard: { type: 'submits', params: 'finalization' },
            target: 'completed',
            actions: assign(({ event }) => ({ signedOffAt: event.at })),
          },
          'QC.REWORK': {
            guard: 'reworksInstalledZones',
            target: 'installation',
            actions: assign(({ context, event }) => ({
              reworkZones: event.zones as string[],
              reworks: context.reworks + 1,
            })),
          },
        },
      },
      completed: { type: 'final' },
    },
  });
}
