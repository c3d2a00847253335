import { EngineError } from '../kernel/engine-error.js';
import { parseInput } from '../kernel/validate.js';
import type { StepDefinition, StepSubmitEvent } from './contract.js';
import { environmentProblems } from './environment.js';

/**
 * The checked content of one step submission.
 *
 * @example
 * ```ts
 * const { data, checklist, photos } = checkSubmission(step, event, context, at);
 * ```
 */
export interface CheckedSubmission {
  data: unknown;
  checklist: string[];
  photos: { id: string; tags: string[] }[];
}

/**
 * Checks a `STEP.SUBMIT` against its step definition, in this order: the data against the
 * step's schema (`VALIDATION` with the paths), then everything that must be present or in range
 * — unknown or missing required checklist items, photo count and tags, environment gates, the
 * step's own checks — all reported together as one `PRECONDITION` whose `details.missing` lists
 * each problem. Pure: reads the event time `at`, never the clock.
 *
 * @example
 * ```ts
 * checkSubmission(preparation, { type: 'STEP.SUBMIT', step: 'preparation', data, checklist: ['wash'] }, {}, at);
 * ```
 */
export function checkSubmission(
  step: StepDefinition,
  event: StepSubmitEvent,
  context: Record<string, unknown>,
  at: number,
): CheckedSubmission {
  const data = parseInput(step.data, event.data, `data for step '${step.id}'`);
  const checklist = [...new Set(event.checklist ?? [])];
  const photos = event.photos ?? [];
  const missing: string[] = [];

  const known = new Set(step.checklist.map((item) => item.id));
  for (const id of checklist)
    if (!known.has(id)) missing.push(`checklist item '${id}' is not part of this step`);
  for (const item of step.checklist) {
    if (item.required && !checklist.includes(item.id))
      missing.push(`checklist: '${item.label}' is not ticked`);
  }

  if (photos.length < step.photos.min) {
    missing.push(`photos: ${step.photos.min} needed, ${photos.length} given`);
  }
  const tags = new Set(photos.flatMap((photo) => photo.tags));
  for (const tag of step.photos.requiredTags ?? []) {
    if (!tags.has(tag)) missing.push(`photos: no photo tagged '${tag}'`);
  }

  for (const gate of step.environment?.(data) ?? []) missing.push(...environmentProblems(gate));
  missing.push(...(step.check?.({ data, context, at, photos }) ?? []));

  if (missing.length > 0) {
    throw new EngineError('PRECONDITION', `step '${step.id}' cannot be submitted: ${missing.join('; ')}`, {
      details: { step: step.id, missing },
    });
  }
  return { data, checklist, photos };
}
