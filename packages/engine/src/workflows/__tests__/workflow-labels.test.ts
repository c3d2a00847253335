import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { refusalOf } from '../../testing/refusal.js';
import type { WorkflowPlugin } from '../contract.js';
import { defineWorkflow } from '../define-workflow.js';
import { missingLabels, stepFieldPaths } from '../workflow-labels.js';
import { coatStep, fixtureMachine, prepStep } from './fixture-workflow.js';

function withLabels(labels: unknown) {
  return () =>
    defineWorkflow({
      id: 'fixture',
      version: 1,
      title: 'F',
      machine: fixtureMachine(1),
      steps: [prepStep, coatStep],
      labels: labels as WorkflowPlugin['labels'],
    });
}

const en = { title: 'Fixture', steps: { prep: { title: 'Prep', fields: { sku: 'Product (SKU)' } } } };

describe('stepFieldPaths', () => {
  it('names nested fields without list indices, with the choices of enums, literals and lists of enums', () => {
    const schema = z.object({
      cut: z.union([
        z.object({ method: z.literal('kit'), kitId: z.string() }),
        z.object({ method: z.literal('bulk'), lengthM: z.number() }),
      ]),
      panels: z.array(z.object({ readingsUm: z.array(z.number()) })),
      bay: z.optional(z.object({ light: z.enum(['normal', 'daylight']) })),
      areas: z.array(z.enum(['hood', 'roof'])),
    });
    expect(stepFieldPaths(schema)).toEqual({
      cut: [],
      'cut.method': ['kit', 'bulk'],
      'cut.kitId': [],
      'cut.lengthM': [],
      panels: [],
      'panels.readingsUm': [],
      bay: [],
      'bay.light': ['normal', 'daylight'],
      areas: ['hood', 'roof'],
    });
  });
});

describe('defineWorkflow labels', () => {
  it('accepts labels that name real steps, fields and checklist items', () => {
    const plugin = withLabels({
      en,
      fr: {
        title: 'Montage',
        steps: {
          prep: { title: 'Préparation', fields: { litres: 'Litres' }, checklist: { wash: 'Lavage' } },
        },
      },
    })();
    expect(plugin.labels?.fr?.steps?.prep?.checklist?.wash).toBe('Lavage');
  });

  it('refuses a label for an unknown step, field, choice or checklist item, naming each', () => {
    const error = refusalOf(
      withLabels({
        en: {
          steps: {
            polish: { title: 'Polish' },
            prep: { fields: { skuu: 'SKU' }, options: { sku: { a: 'A' } }, checklist: { clay: 'Clay' } },
          },
        },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details.problems).toEqual([
      "labels.en: step 'polish' is not a step of the workflow",
      "labels.en.steps.prep.fields: 'skuu' is not a field of the step",
      "labels.en.steps.prep.options: 'sku' is not a choice field of the step",
      "labels.en.steps.prep.checklist: 'clay' is not a checklist item of the step",
    ]);
  });

  it('refuses labels without English, a malformed locale, a blank text or a misspelt key', () => {
    expect(refusalOf(withLabels({ fr: en })).message).toContain("labels need 'en'");
    const error = refusalOf(withLabels({ en, 'FR!': en, de: { title: '  ', step: {} } }));
    expect(error.details.problems).toEqual(
      expect.arrayContaining([
        "labels.FR!: 'FR!' is not a locale (a BCP 47 tag such as en or fr)",
        'labels.de.title: a label may not be blank',
        expect.stringMatching(/^labels\.de: unknown 'step'/),
      ]),
    );
  });
});

describe('missingLabels', () => {
  it('lists what a locale leaves unlabelled, so a new field without a label is caught', () => {
    const plugin = withLabels({ en })();
    expect(missingLabels(plugin, 'en')).toEqual([
      'prep: field litres',
      'prep: checklist wash',
      'prep: checklist dry',
      'prep: photo before',
      'coat: title',
      'coat: field notes',
    ]);
    expect(missingLabels(plugin, 'fr')).toContain('title');
  });
});
