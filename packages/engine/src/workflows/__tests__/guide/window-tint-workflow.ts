import { defineStep, defineWorkflow, type StampedEvent, type WorkflowInput } from '@rpma/engine';
import { assign, setup } from 'xstate';
import * as z from 'zod/mini';

const HOUR = 3_600_000;

// Step 1: clean the glass and cut the film from a roll.
const prep = defineStep({
  id: 'prep',
  title: 'Glass prep and cut',
  estimatedMinutes: 45,
  data: z.object({
    film: z.string().check(z.minLength(1)),
    lot: z.string().check(z.minLength(1)),
  }),
  checklist: [
    { id: 'glass-clean', label: 'Glass cleaned, edges scraped', required: true },
    { id: 'seals-covered', label: 'Door seals and electronics covered', required: true },
  ],
  photos: { min: 0 },
});

// Step 2: install, window by window, inside the film's environment window.
const install = defineStep({
  id: 'install',
  title: 'Installation',
  estimatedMinutes: 120,
  data: z.object({
    film: z.string().check(z.minLength(1)),
    lot: z.string().check(z.minLength(1)),
    temperatureC: z.number(),
    humidityPct: z.number().check(z.gte(0), z.lte(100)),
    windows: z
      .array(
        z.object({
          window: z.string(),
          vltPct: z.number().check(z.gte(1), z.lte(100)),
          areaM2: z.number().check(z.gt(0)),
        }),
      )
      .check(z.minLength(1)),
  }),
  checklist: [{ id: 'squeegeed', label: 'Water squeegeed out of every window', required: true }],
  photos: { min: 1, requiredTags: ['rear-window'] },
  environment: (data) => [
    {
      product: data.film,
      reading: { temperatureC: data.temperatureC, humidityPct: data.humidityPct },
      window: { minTempC: 5, maxTempC: 35, maxHumidityPct: 85 },
    },
  ],
  // The law: front side windows let at least 70 % of the light through.
  check: ({ data }) =>
    data.windows
      .filter((w) => w.window.startsWith('front-') && w.vltPct < 70)
      .map((w) => `${w.window}: ${w.vltPct} % VLT is below the legal 70 % for front side windows`),
  consumes: (data) => [
    {
      sku: data.film,
      lot: data.lot,
      quantity: data.windows.reduce((m2, w) => m2 + w.areaM2, 0),
      kind: 'consumption',
    },
  ],
});

// Step 3: hand the car back once the film has dried for two hours.
const handover = defineStep({
  id: 'handover',
  title: 'Handover',
  estimatedMinutes: 15,
  data: z.object({ customerSignature: z.string().check(z.minLength(3)) }),
  checklist: [{ id: 'no-roll-down', label: 'Told: no rolling windows down for 3 days', required: true }],
  photos: { min: 0 },
  check: ({ context, at }) =>
    at < Number(context.dryUntil)
      ? [`the film dries until ${new Date(Number(context.dryUntil)).toISOString()}`]
      : [],
});

// The machine: one top-level state per step, plus a final state. Guards read time from `event.at`.
const machine = setup({
  types: {
    input: {} as WorkflowInput,
    context: {} as { taskId: string; dryUntil: number },
    events: {} as StampedEvent,
  },
  delays: { dryTime: 2 * HOUR },
}).createMachine({
  id: 'window-tint',
  context: ({ input }) => ({ taskId: input.taskId, dryUntil: 0 }),
  initial: 'prep',
  states: {
    prep: { on: { 'STEP.SUBMIT': 'install' } },
    install: {
      on: {
        'STEP.SUBMIT': {
          target: 'handover',
          actions: assign({ dryUntil: ({ event }) => event.at + 2 * HOUR }),
        },
      },
    },
    handover: {
      initial: 'drying',
      states: {
        drying: { after: { dryTime: 'dry' } }, // a durable timer: survives restarts
        dry: {},
      },
      on: { 'STEP.SUBMIT': 'done' },
    },
    done: { type: 'final' },
  },
});

// What people read, per locale: keys are step ids, field paths (no list indices), checklist
// item ids and shot tags. Left out, a text falls back to English, then to the key in words.
const labels = {
  en: {
    title: 'Window tint',
    steps: {
      prep: {
        title: 'Glass prep and cut',
        fields: { film: 'Tint film (SKU)', lot: 'Roll / lot' },
        checklist: {
          'glass-clean': 'Glass cleaned, edges scraped',
          'seals-covered': 'Door seals and electronics covered',
        },
      },
      install: {
        title: 'Installation',
        help: 'Window by window; front side windows keep at least 70 % VLT.',
        fields: {
          film: 'Tint film (SKU)',
          lot: 'Roll / lot',
          temperatureC: 'Temperature (°C)',
          humidityPct: 'Relative humidity (%)',
          windows: 'Windows',
          'windows.window': 'Window',
          'windows.vltPct': 'Light let through (VLT %)',
          'windows.areaM2': 'Film laid (m²)',
        },
        checklist: { squeegeed: 'Water squeegeed out of every window' },
        photos: { 'rear-window': 'Rear window' },
      },
      handover: {
        title: 'Handover',
        fields: { customerSignature: 'Customer signature' },
        checklist: { 'no-roll-down': 'Told: no rolling windows down for 3 days' },
      },
    },
  },
  fr: {
    title: 'Teinte de vitres',
    steps: {
      prep: {
        title: 'Préparation des vitres et découpe',
        fields: { film: 'Film teinté (référence)', lot: 'Rouleau / lot' },
        checklist: {
          'glass-clean': 'Vitres nettoyées, bords grattés',
          'seals-covered': 'Joints de portes et électronique protégés',
        },
      },
      install: {
        title: 'Pose',
        help: 'Vitre par vitre ; les vitres latérales avant gardent au moins 70 % de transmission lumineuse.',
        fields: {
          film: 'Film teinté (référence)',
          lot: 'Rouleau / lot',
          temperatureC: 'Température (°C)',
          humidityPct: 'Hygrométrie (%)',
          windows: 'Vitres',
          'windows.window': 'Vitre',
          'windows.vltPct': 'Transmission lumineuse (VLT %)',
          'windows.areaM2': 'Film posé (m²)',
        },
        checklist: { squeegeed: 'Eau chassée à la raclette sur chaque vitre' },
        photos: { 'rear-window': 'Lunette arrière' },
      },
      handover: {
        title: 'Restitution',
        fields: { customerSignature: 'Signature du client' },
        checklist: { 'no-roll-down': 'Client prévenu : ne pas baisser les vitres pendant 3 jours' },
      },
    },
  },
};

/** The window-tint workflow: tasks with `service: 'window-tint'` run it. */
export const windowTintWorkflow = defineWorkflow({
  id: 'window-tint',
  version: 1,
  title: 'Window tint',
  machine,
  steps: [prep, install, handover],
  labels,
});
