import type * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { EngineError } from './engine-error.js';

/** One validation problem: where (a path into the input) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

const messages = english().localeError;

/**
 * Parses untrusted input with a zod (mini) schema at a public boundary. On failure throws
 * `EngineError('VALIDATION')` whose `details.issues` lists every problem by dotted path, with
 * English messages (per call: the host's global zod configuration is left alone).
 *
 * @example
 * ```ts
 * const input = parseInput(createClientInput, raw, 'clients.create');
 * ```
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input, { error: messages });
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const where = first?.path ? ` at ${first.path}` : '';
  throw new EngineError('VALIDATION', `invalid ${what}${where}: ${first?.message ?? 'rejected'}`, {
    details: { issues },
  });
}
