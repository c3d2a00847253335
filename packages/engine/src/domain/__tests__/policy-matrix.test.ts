import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { CommandRunner } from '../command-runner.js';
import { POLICY } from '../policy.js';
import { ROLES } from '../principal.js';
import { type TestShop, testShop } from './test-engine.js';

let t: TestShop;
beforeAll(async () => {
  t = await testShop();
});
afterAll(async () => {
  await t.engine.close();
});

/** True when the runner refused the role itself (not the input, not ownership). */
function refusedForRole(error: unknown, role: string): boolean {
  return isEngineError(error, 'FORBIDDEN') && error.details.role === role;
}

describe('the policy matrix', () => {
  it('has a row for every registered command and query', () => {
    const names = t.engine.operations().map((op) => op.name);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !Object.hasOwn(POLICY, name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives a per-assignee grant only to operations that say who the assignee is', () => {
    const withoutOwnership = t.engine
      .operations()
      .filter(
        (op) => Object.values(POLICY[op.name] ?? {}).some((g) => typeof g === 'object') && !op.ownership,
      )
      .map((op) => op.name);
    expect(withoutOwnership).toEqual([]);
  });

  it('refuses exactly the roles the table denies, for every operation and every role', async () => {
    const runner = t.engine.container.get(CommandRunner);
    const mismatches: string[] = [];
    for (const op of t.engine.operations()) {
      for (const role of ROLES) {
        const denied = POLICY[op.name]?.[role] === 'deny';
        const outcome = await runner.execute({ userId: `${role}-matrix`, role }, op, undefined).then(
          () => null,
          (error: unknown) => error,
        );
        if (outcome !== null && !isEngineError(outcome))
          mismatches.push(`${op.name} × ${role}: non-engine error`);
        if (denied !== refusedForRole(outcome, role)) {
          mismatches.push(`${op.name} × ${role}: table says ${denied ? 'deny' : 'allow'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
