import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore, type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import { CommandRunner } from '../../domain/command-runner.js';
import { EngineError } from '../../kernel/engine-error.js';
import { importClientsChunk, importTasksChunk } from '../csv-commands.js';

let t: TestShop;
let clientId: string;
beforeAll(async () => {
  t = await testShop();
  clientId = (await t.supervisor.clients.create({ name: 'Léa Martin' })).id;
});
afterAll(async () => {
  await t.engine.close();
});

async function clients(): Promise<number> {
  return t.engine.storage.read((tx) => tx.count('clients', undefined, 'all'));
}

/** CSV-ish text: header cells and values made of the characters that break naive parsers. */
const csvText = fc
  .array(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'name',
          'email',
          'phone',
          'notes',
          'Name',
          '"name"',
          '=1+1',
          '',
          ' ',
          '"',
          '""',
          ';',
          ',',
          '\t',
        ),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((rows) =>
    fc
      .tuple(fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(
        ([delimiter, newline, bom]) =>
          (bom ? '\uFEFF' : '') + rows.map((r) => r.join(delimiter)).join(newline),
      ),
  );

describe('hostile CSV', () => {
  it('imports exactly the rows it reports, refuses only with VALIDATION, and never throws anything else', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (csv) => {
        const before = await clients();
        const outcome = await t.supervisor.csv.importClients({ csv }).catch((error: unknown) => error);
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(EngineError);
          expect((outcome as EngineError).code).toBe('VALIDATION');
          expect(await clients()).toBe(before);
          return;
        }
        const report = outcome as Awaited<ReturnType<typeof t.supervisor.csv.importClients>>;
        expect(await clients()).toBe(before + report.imported.length);
        expect(report.imported.length + report.failed.length).toBe(report.total);
        for (const row of [...report.imported, ...report.failed]) expect(row.line).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  }, 300_000);

  it('refuses hostile import chunks with a useful code and leaves the store unchanged', async () => {
    const runner = t.engine.container.get(CommandRunner);
    const hostileRows = fc.oneof(
      fc.anything(),
      fc.array(fc.record({ line: fc.anything(), cells: fc.anything() }), { maxLength: 3 }),
      fc.array(
        fc.record({ line: fc.integer({ min: 1, max: 9 }), cells: fc.constant({ name: 'x'.repeat(20_001) }) }),
        {
          minLength: 1,
          maxLength: 2,
        },
      ),
      fc.constant(Array.from({ length: 501 }, (_, i) => ({ line: i + 2, cells: { name: `n${i}` } }))),
      fc.constant([]),
    );
    for (const command of [importClientsChunk, importTasksChunk]) {
      const before = await dumpStore(t.engine);
      await fc.assert(
        fc.asyncProperty(hostileRows, async (rows) => {
          const error = await runner.execute({ userId: 'admin-1', role: 'admin' }, command, { rows }).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(EngineError);
          expect((error as EngineError).code).toBe('VALIDATION');
        }),
        { numRuns: 200 },
      );
      expect(await dumpStore(t.engine)).toEqual(before);
    }
  }, 300_000);

  it('reports rows naming missing or deleted clients instead of importing them', async () => {
    const gone = await t.supervisor.clients.create({ name: 'Gone' });
    await t.supervisor.clients.delete({ id: gone.id });
    const csv = ['title,clientId,service', `A,${gone.id},ppf`, 'B,nobody,ppf', `C,${clientId},ppf`].join(
      '\n',
    );
    const report = await t.supervisor.csv.importTasks({ csv });
    expect(report.imported.map((r) => r.line)).toEqual([4]);
    expect(report.failed.map((f) => [f.line, f.code])).toEqual([
      [2, 'NOT_FOUND'],
      [3, 'NOT_FOUND'],
    ]);
  });
});
