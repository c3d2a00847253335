import type { SampleEvent, WorkflowPoint } from '@rpma/engine/testing';
import { INTAKE_SHOTS } from '../steps/inspection.js';
import { PREPARATION_CHECKLIST } from '../steps/preparation.js';
import { panelsOf } from '../zones.js';

const DAY = 86_400_000;

/** Intake photos: the six guided shots. */
export const intakePhotos = INTAKE_SHOTS.map((tag, i) => ({ id: `intake-${i}`, tags: [tag] }));

/** A clean inspection of the covered panels (readings around 110 µm), no flags. */
export function inspectionSubmit(
  coverage: readonly string[],
  readings: Record<string, number[]> = {},
): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'inspection',
    data: {
      panels: panelsOf(coverage).map((panel) => ({
        panel,
        readingsUm: readings[panel] ?? [108, 112, 110, 111, 109],
      })),
      defects: [{ panel: panelsOf(coverage)[0] ?? 'hood', type: 'chip', severity: 'low' }],
      bay: { temperatureC: 19, humidityPct: 55 },
    },
    checklist: ['walkaround'],
    photos: intakePhotos,
  };
}

/** A preparation with every required item ticked, a bulk cut from roll R-118. */
export function preparationSubmit(receivedOn = '2026-09-01'): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'preparation',
    data: {
      cut: { method: 'bulk', lengthM: 4.5 },
      roll: { sku: 'PPF-GLOSS-8', lot: 'R-118', receivedOn },
      ipaDilutionPct: 30,
    },
    checklist: PREPARATION_CHECKLIST.filter((item) => item.required).map((item) => item.id),
  };
}

/** An installation of `zones`, each with every check passed and a photo. */
export function installationSubmit(
  zones: readonly string[],
  options: { temperatureC?: number; checklist?: string[] } = {},
): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'installation',
    data: {
      environment: { temperatureC: options.temperatureC ?? 21, humidityPct: 50 },
      zones: zones.map((zone) => ({
        zone,
        film: 'PPF-GLOSS-8',
        lot: 'R-118',
        areaM2: zone === 'hood' ? 2.4 : 0.9,
        wasteM2: 0.3,
        checks: {
          degreased: true,
          slipSolution: true,
          noBubbles: true,
          edgesHeated: true,
          finalSqueegee: true,
        },
      })),
    },
    checklist: options.checklist ?? [],
    photos: zones.map((zone) => ({ id: `zone-${zone}`, tags: [`zone:${zone}`] })),
  };
}

/** A finalization at `at` with a clean QC and a follow-up ten days out. */
export function finalizationSubmit(at: number, zones: readonly string[]): SampleEvent {
  return {
    type: 'STEP.SUBMIT',
    step: 'finalization',
    at,
    data: {
      qc: { viewedFromM: 1.5, light: 'normal', findings: zones.map((zone) => ({ zone, finding: 'none' })) },
      customer: { name: 'Léa Martin', signature: 'M10 10 L40 25 L70 12', satisfaction: 5 },
      aftercare: { noWashDays: 7, pressureWasherMinCm: 60, instructionsGiven: true },
      followUpAt: new Date(at + 10 * DAY).toISOString(),
      warranty: {
        product: 'Gloss PPF 8 mil',
        vin: 'WP0ZZZ99ZTS392124',
        coverageAreas: [...zones],
        installer: 'tech-1',
        years: 10,
      },
    },
    checklist: ['edges_checked', 'cleaned', 'walkthrough'],
    photos: [
      { id: 'final-1', tags: ['final-front'] },
      { id: 'final-2', tags: ['final-rear'] },
    ],
  };
}

/** Sample events for the kit: a valid submission of the current step, and a rework from finalization. */
export function ppfSamples(coverage: readonly string[], express = false) {
  return (point: WorkflowPoint): SampleEvent[] => {
    const at = point.at + DAY;
    switch (point.step) {
      case 'inspection':
        return [inspectionSubmit(coverage)];
      case 'preparation':
        return [preparationSubmit()];
      case 'installation':
        return [installationSubmit(coverage, express ? { checklist: ['wash', 'ipa_wipe', 'masking'] } : {})];
      case 'finalization':
        return [finalizationSubmit(at, coverage), { type: 'QC.REWORK', zones: [coverage[0]] }];
      default:
        return [];
    }
  };
}
