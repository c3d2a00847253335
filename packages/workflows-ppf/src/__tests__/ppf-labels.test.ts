import { missingLabels, stepFieldPaths } from '@rpma/engine';
import { describe, expect, it } from 'vitest';
import { ppfExpressWorkflow, ppfWorkflow } from '../ppf-workflow.js';

describe('PPF labels', () => {
  it.each([
    ['ppf', 'en'],
    ['ppf', 'fr'],
    ['ppf-express', 'en'],
    ['ppf-express', 'fr'],
  ] as const)('%s labels every step, field, choice, checklist item and shot in %s', (id, locale) => {
    const plugin = id === 'ppf' ? ppfWorkflow() : ppfExpressWorkflow();
    expect(missingLabels(plugin, locale)).toEqual([]);
    for (const step of plugin.steps) {
      for (const path of Object.keys(stepFieldPaths(step.data))) {
        expect(plugin.labels?.[locale]?.steps?.[step.id]?.fields?.[path], `${step.id} ${path}`).toBeTruthy();
      }
    }
  });

  it('speaks shop French, not English, for what a technician reads', () => {
    const fr = ppfWorkflow().labels?.fr?.steps;
    expect(fr?.inspection?.fields?.['panels.readingsUm']).toBe('Mesures (µm)');
    expect(fr?.inspection?.fields?.['bay.humidityPct']).toBe('Hygrométrie (%)');
    expect(fr?.preparation?.checklist?.decontamination).toBe('Décontamination fer / goudron');
    expect(fr?.installation?.photos?.['zone:hood']).toBe('Capot');
    const en = ppfWorkflow().labels?.en?.steps;
    for (const [stepId, step] of Object.entries(fr ?? {})) {
      const same = Object.entries(step.fields ?? {}).filter(
        ([path, text]) =>
          text === en?.[stepId]?.fields?.[path] && !['Zone', 'Signature', 'Zones'].includes(text),
      );
      expect(same, stepId).toEqual([]);
    }
  });
});
