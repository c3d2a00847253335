import { missingLabels, stepFieldPaths } from '@rpma/engine';
import { describe, expect, it } from 'vitest';
import { ceramicWorkflow } from '../ceramic-workflow.js';

describe('ceramic labels', () => {
  it.each(['en', 'fr'] as const)(
    'label every step, field, choice, checklist item and shot in %s',
    (locale) => {
      const plugin = ceramicWorkflow();
      expect(missingLabels(plugin, locale)).toEqual([]);
      for (const step of plugin.steps) {
        for (const path of Object.keys(stepFieldPaths(step.data))) {
          expect(
            plugin.labels?.[locale]?.steps?.[step.id]?.fields?.[path],
            `${step.id} ${path}`,
          ).toBeTruthy();
        }
      }
    },
  );

  it('name the coating vocabulary in French', () => {
    const fr = ceramicWorkflow().labels?.fr?.steps;
    expect(fr?.preparation?.fields?.['panels.beforeUm']).toBe('Épaisseur avant (µm)');
    expect(fr?.application?.fields?.['environment.humidityPct']).toBe('Hygrométrie (%)');
    expect(fr?.curing?.options?.method?.ir).toBe('Lampes infrarouges');
  });
});
