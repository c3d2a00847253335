import type { SampleEvent, WorkflowPoint } from '@rpma/engine/testing';

const DAY = 86_400_000;

/** A preparation of `panels` with a light one-step correction (3 µm removed). */
export function preparationSubmit(panels: readonly string[]): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'preparation',
    data: {
      correction: 'one_step',
      panels: panels.map((panel) => ({
        panel,
        pad: 'medium foam',
        polish: 'one-step',
        beforeUm: 118,
        afterUm: 115,
      })),
    },
    checklist: ['strip_wash', 'iron_remover', 'tar_remover', 'clay', 'panel_wipe'],
    photos: [{ id: 'corr-1', tags: ['after-correction'] }],
  };
}

/** An application of COAT-PRO-5Y (two layers per panel) at 20 °C, 50 % RH, surface 19 °C. */
export function applicationSubmit(
  panels: readonly string[],
  options: {
    cureMethod?: 'ambient' | 'ir';
    humidityPct?: number;
    surfaceTempC?: number;
    temperatureC?: number;
  } = {},
): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'application',
    data: {
      product: 'COAT-PRO-5Y',
      bottleLot: 'B-77',
      environment: {
        temperatureC: options.temperatureC ?? 20,
        humidityPct: options.humidityPct ?? 50,
        surfaceTempC: options.surfaceTempC ?? 19,
      },
      layers: panels.flatMap((panel) =>
        [1, 2].map((layer) => ({ panel, layer, flashSeconds: 60, highSpotCheck: true })),
      ),
      mlUsed: 30,
      cureMethod: options.cureMethod ?? 'ambient',
      overFilm: false,
    },
    checklist: ['gloves', 'lights'],
  };
}

/** The release of a vehicle cured the planned way, at `at`. */
export function curingSubmit(
  at: number,
  method: 'ambient' | 'ir' = 'ambient',
  panels: readonly string[] = [],
): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'curing',
    at,
    data: {
      method,
      keptDryHours: 24,
      ...(method === 'ir'
        ? { lamps: panels.map((panel) => ({ panel, surfaceTempC: 60, minutes: 15 })) }
        : {}),
    },
    checklist: ['kept_dry'],
  };
}

/** A finalization at `at`: QC passed, 7 days no wash, registration in 10 days, yearly visits. */
export function finalizationSubmit(at: number): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'finalization',
    at,
    data: {
      qc: { passed: true },
      aftercare: { handWashOnly: true, noWashDays: 7 },
      warranty: { registrationDeadline: new Date(at + 10 * DAY).toISOString(), years: 5 },
      maintenance: { intervalMonths: 12, firstVisitAt: new Date(at + 180 * DAY).toISOString() },
    },
    checklist: ['qc_lights', 'aftercare_explained'],
    photos: [
      { id: 'f1', tags: ['final-front'] },
      { id: 'f2', tags: ['final-rear'] },
    ],
  };
}

/** Sample events for the kit: the valid submission of the current step (curing at its release time). */
export function ceramicSamples(panels: readonly string[]) {
  return (point: WorkflowPoint): SampleEvent[] => {
    switch (point.step) {
      case 'preparation':
        return [preparationSubmit(panels)];
      case 'application':
        return [applicationSubmit(panels)];
      case 'curing':
        return [curingSubmit(Number(point.context.releaseAt))];
      case 'finalization':
        return [finalizationSubmit(point.at + DAY)];
      default:
        return [];
    }
  };
}
