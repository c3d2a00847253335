import fc from 'fast-check';
import { expect } from 'vitest';
import type { Engine } from '../../engine/create-engine.js';
import { EngineError, type EngineErrorCode } from '../../kernel/engine-error.js';
import type { AnyOperation } from '../command.js';
import { CommandRunner } from '../command-runner.js';
import type { Principal } from '../principal.js';
import { dumpStore } from './test-engine.js';

/**
 * Codes that tell the caller what was wrong with their request (never INTERNAL or STORAGE).
 *
 * @example
 * ```ts
 * expect(USEFUL_CODES).toContain(error.code);
 * ```
 */
export const USEFUL_CODES: readonly EngineErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION',
  'INVALID_TRANSITION',
];

/**
 * A value of a type no field of a command input takes as it is: numbers (NaN and infinity
 * included), booleans, null, arrays, objects, bigints.
 *
 * @example
 * ```ts
 * fc.tuple(field, wrongType).map(([k, v]) => ({ ...base, [k]: v }));
 * ```
 */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.bigInt(),
);

/**
 * One command under hostile input: a valid `base` input to vary, the fields of it that hold
 * document ids, and how many of the runs at least must be refused (the rest being inputs the
 * command may take as ordinary data).
 *
 * @example
 * ```ts
 * const c: HostileCase = { operation: op('clients.update'), base: { id, rev: 1, notes: 'n' }, ids: ['id'] };
 * ```
 */
export interface HostileCase {
  operation: AnyOperation;
  base: Record<string, unknown>;
  /** Fields that hold ids of documents. */
  ids: string[];
  /** How many of the runs at least must be refused; the kit's default when absent. */
  minRefused?: number;
}

/**
 * What hostile values a module's commands get beside the wrong types: its hostile `text`, the
 * ids of other documents, keys no input has, and module-specific variants (`more`).
 *
 * @example
 * ```ts
 * const values: HostileValues = { text: hostileText, foreignIds, extraKeys: ['deletedAt'] };
 * ```
 */
export interface HostileValues {
  text: fc.Arbitrary<string>;
  foreignIds: readonly string[];
  extraKeys: readonly string[];
  more?: (c: HostileCase) => fc.Arbitrary<unknown>[];
}

/**
 * A hostile variation of a case's valid input: one field of the wrong type, hostile text, an
 * extra key (`__proto__` and `constructor` always among them, set as own keys), a stale or
 * malformed rev, another document's id, or nothing like an input at all.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(hostileInput(c, values), async (input) => { … }));
 * ```
 */
export function hostileInput(c: HostileCase, values: HostileValues): fc.Arbitrary<unknown> {
  const fields = Object.keys(c.base);
  const field = fc.constantFrom(...fields, 'rev', 'id');
  const set = (key: string, value: unknown) => ({ ...c.base, [key]: value });
  const variants: fc.Arbitrary<unknown>[] = [
    fc.tuple(field, wrongType).map(([k, v]) => set(k, v)),
    fc.tuple(field, values.text).map(([k, v]) => set(k, v)),
    fc
      .constantFrom('__proto__', 'constructor', ...values.extraKeys)
      .filter((k) => !fields.includes(k))
      .map((k) => JSON.parse(JSON.stringify({ ...c.base }).replace(/^\{/, `{"${k}":1,`))),
    fc
      .oneof(fc.integer({ min: 1000, max: 1_000_000 }), fc.constantFrom(-1, 0.5, '1'))
      .map((rev) => set('rev', rev)),
    fc.anything(),
    ...(values.more?.(c) ?? []),
  ];
  if (c.ids.length > 0) {
    variants.push(
      fc
        .tuple(fc.constantFrom(...c.ids), fc.constantFrom(...values.foreignIds))
        .filter(([k, id]) => c.base[k] !== id)
        .map(([k, id]) => set(k, id)),
    );
  }
  return fc.oneof(...variants);
}

/**
 * Runs `numRuns` hostile inputs per case as `principal` and asserts that each is refused with a
 * useful `EngineError` (a message, a code of {@link USEFUL_CODES}) leaving every collection as
 * it was, or accepted as ordinary data; and that each case was refused at least `minRefused`
 * times.
 *
 * @example
 * ```ts
 * await expectHostileInputHandled(t.engine, admin, cases, (c) => hostileInput(c, values), { minRefused: 150 });
 * ```
 */
export async function expectHostileInputHandled(
  engine: Engine,
  principal: Principal,
  cases: readonly HostileCase[],
  inputs: (c: HostileCase) => fc.Arbitrary<unknown>,
  options: { minRefused: number; numRuns?: number },
): Promise<void> {
  const runs = options.numRuns ?? 200;
  const runner = engine.container.get(CommandRunner);
  const report: Record<string, { refused: number; accepted: number; min: number }> = {};
  // the dump before a run is the dump after the previous refused one (checked equal), so only
  // an accepted input costs a new dump
  let before = await dumpStore(engine);
  for (const c of cases) {
    const counts = { refused: 0, accepted: 0, min: c.minRefused ?? options.minRefused };
    report[c.operation.name] = counts;
    await fc.assert(
      fc.asyncProperty(inputs(c), async (input) => {
        const outcome = await runner.execute(principal, c.operation, input).then(
          () => null,
          (error: unknown) => error,
        );
        if (outcome === null) {
          counts.accepted++;
          before = await dumpStore(engine);
          return;
        }
        counts.refused++;
        expect(outcome).toBeInstanceOf(EngineError);
        expect(USEFUL_CODES).toContain((outcome as EngineError).code);
        expect((outcome as EngineError).message.length).toBeGreaterThan(10);
        expect(await dumpStore(engine)).toEqual(before);
      }),
      { numRuns: runs },
    );
  }
  for (const [name, counts] of Object.entries(report)) {
    expect(counts.refused + counts.accepted, name).toBe(runs);
    expect(counts.refused, `${name} refused only ${counts.refused} of ${runs}`).toBeGreaterThanOrEqual(
      counts.min,
    );
  }
}
