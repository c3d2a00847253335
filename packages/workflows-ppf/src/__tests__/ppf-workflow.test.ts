import { applyWorkflowEvent, EngineError, startWorkflow } from '@rpma/engine';
import {
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  refusalOf,
  stamped,
} from '@rpma/engine/testing';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thicknessFlags } from '../paint-thickness.js';
import { ppfExpressWorkflow, ppfWorkflow } from '../ppf-workflow.js';
import { rollWarnings } from '../steps/preparation.js';
import { PANEL_NEIGHBOURS } from '../zones.js';
import {
  finalizationSubmit,
  inspectionSubmit,
  installationSubmit,
  ppfSamples,
  preparationSubmit,
} from './ppf-samples.js';

const coverage = ['hood', 'front_bumper'];
const input = { taskId: 't-1', coverage, startedAt: Date.parse('2026-11-26T08:00:00Z') };
const ppf = ppfWorkflow();

describe('paint thickness flags', () => {
  it('flags thin paint, a probable repaint, and a jump between adjacent panels', () => {
    const flags = thicknessFlags(
      [
        { panel: 'hood', readingsUm: [110, 112, 108] },
        { panel: 'fender_left', readingsUm: [150, 146, 148] },
        { panel: 'fender_right', readingsUm: [236, 240, 232] },
        { panel: 'front_bumper', readingsUm: [70, 75, 72] },
      ],
      PANEL_NEIGHBOURS,
    );
    expect(flags.map((f) => f.message)).toEqual([
      'fender_right: 236 µm, probably repainted (> 200 µm): film may lift',
      'front_bumper: 72 µm is thin (< 80 µm)',
      'hood: 110 µm vs 72 µm on front_bumper (difference > 30 µm)',
      'fender_left: 148 µm vs 110 µm on hood (difference > 30 µm)',
      'fender_left: 148 µm vs 72 µm on front_bumper (difference > 30 µm)',
      'fender_right: 236 µm vs 110 µm on hood (difference > 30 µm)',
      'fender_right: 236 µm vs 72 µm on front_bumper (difference > 30 µm)',
    ]);
  });

  it('warns when a roll is older than the shelf life', () => {
    expect(rollWarnings({ lot: 'R-9', receivedOn: '2025-09-01' }, Date.parse('2026-11-26'), 365)).toEqual([
      'roll R-9 was received 451 days ago (shelf life 365 days): warranty coverage at risk',
    ]);
    expect(rollWarnings({ lot: 'R-9', receivedOn: '2026-09-01' }, Date.parse('2026-11-26'), 365)).toEqual([]);
  });
});

describe('the PPF workflow', () => {
  it('reaches every state, rework included, and round-trips every snapshot (kit)', () => {
    const options = { input, events: ppfSamples(coverage) };
    expect(expectEveryStateReachable(ppf, options).states).toEqual([
      'inspection',
      'preparation',
      'installation',
      'finalization',
      'completed',
    ]);
    expect(expectSnapshotsRoundTrip(ppf, options)).toBe(5);
    const express = ppfExpressWorkflow();
    expect(expectEveryStateReachable(express, { input, events: ppfSamples(coverage, true) }).states).toEqual([
      'inspection',
      'installation',
      'finalization',
      'completed',
    ]);
  });

  it('needs a waiver for flagged panels before the film goes on', () => {
    const start = startWorkflow(ppf, input).snapshot;
    const repainted = inspectionSubmit(coverage, { hood: [236, 240, 232, 238, 241] });
    const error = refusalOf(() => applyWorkflowEvent(ppf, start, stamped(repainted, input.startedAt)));
    expect(error.code).toBe('PRECONDITION');
    expect(error.details.missing).toEqual([
      'waiver: the customer must acknowledge hood: 237 µm, probably repainted (> 200 µm): film may lift',
      'waiver: the customer must acknowledge hood: 237 µm vs 110 µm on front_bumper (difference > 30 µm)',
    ]);
    const data = { ...(repainted.data as object), waiver: { signedBy: 'Léa Martin', panels: ['hood'] } };
    const next = applyWorkflowEvent(ppf, start, stamped({ ...repainted, data }, input.startedAt));
    expect(next.snapshot.context).toMatchObject({
      waiverSignedBy: 'Léa Martin',
      flags: [
        { panel: 'hood', kind: 'repaint' },
        { panel: 'hood', kind: 'difference' },
      ],
    });
  });

  it('refuses installation outside the film window and zones left out, naming each', () => {
    let s = startWorkflow(ppf, input).snapshot;
    s = applyWorkflowEvent(ppf, s, stamped(inspectionSubmit(coverage), input.startedAt)).snapshot;
    s = applyWorkflowEvent(ppf, s, stamped(preparationSubmit(), input.startedAt)).snapshot;
    const cold = installationSubmit(['hood'], { temperatureC: 8 });
    expect(
      refusalOf(() => applyWorkflowEvent(ppf, s, stamped(cold, input.startedAt))).details.missing,
    ).toEqual([
      'Gloss PPF 8 mil: temperature 8 °C is below the minimum 10 °C',
      'zone front_bumper is not installed',
    ]);
  });

  it('sends QC rework back to installation for only the named zones', () => {
    let s = startWorkflow(ppf, input).snapshot;
    for (const event of [inspectionSubmit(coverage), preparationSubmit(), installationSubmit(coverage)]) {
      s = applyWorkflowEvent(ppf, s, stamped(event, input.startedAt)).snapshot;
    }
    const back = applyWorkflowEvent(ppf, s, stamped({ type: 'QC.REWORK', zones: ['hood'] }, input.startedAt));
    expect(back.toStep).toBe('installation');
    expect(back.snapshot.context).toMatchObject({ reworkZones: ['hood'], reworks: 1 });
    const redo = applyWorkflowEvent(
      ppf,
      back.snapshot,
      stamped(installationSubmit(['hood']), input.startedAt),
    );
    expect(redo.toStep).toBe('finalization');
    const unknownZone = refusalOf(() =>
      applyWorkflowEvent(ppf, s, stamped({ type: 'QC.REWORK', zones: ['roof'] }, input.startedAt)),
    );
    expect(unknownZone.code).toBe('PRECONDITION');
  });

  it('refuses to start the express variant on more than two zones or a full front', () => {
    const express = ppfExpressWorkflow();
    expect(express.canStart?.({ ...input, coverage: ['hood', 'roof', 'mirror_left'] })).toEqual([
      'express takes at most 2 zones (the task covers 3)',
    ]);
    expect(express.canStart?.({ ...input, coverage: ['full_front'] })).toEqual([
      'express does not take full_front',
    ]);
    expect(express.canStart?.({ ...input, coverage: ['mirror_left', 'mirror_right'] })).toEqual([]);
  });

  it('never corrupts its state under random event sequences; refused events change nothing', () => {
    const at = input.startedAt;
    const events = [
      inspectionSubmit(coverage),
      inspectionSubmit(coverage, { hood: [250] }),
      preparationSubmit(),
      { ...preparationSubmit(), checklist: [] },
      installationSubmit(coverage),
      installationSubmit(['hood'], { temperatureC: 40 }),
      finalizationSubmit(at, coverage),
      { type: 'QC.REWORK', zones: ['hood'] },
      { type: 'QC.REWORK', zones: [] },
      { type: 'STEP.SUBMIT', step: 'inspection', data: { nonsense: true } },
      { type: 'UNKNOWN' },
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: 25 }), (picks) => {
        let snapshot = startWorkflow(ppf, input).snapshot;
        for (const pick of picks) {
          const before = JSON.stringify(snapshot);
          try {
            snapshot = applyWorkflowEvent(
              ppf,
              snapshot,
              stamped(events[pick] as Record<string, unknown>, at),
            ).snapshot;
          } catch (error) {
            if (!(error instanceof EngineError)) throw error;
            expect(['INVALID_TRANSITION', 'VALIDATION', 'PRECONDITION']).toContain(error.code);
            expect(JSON.stringify(snapshot)).toBe(before);
          }
          expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
          const value = String(snapshot.value);
          expect(['inspection', 'preparation', 'installation', 'finalization', 'completed']).toContain(value);
          if (value === 'completed') expect(snapshot.context.installedZones).toEqual(coverage);
        }
      }),
      { numRuns: 150 },
    );
  });
});
