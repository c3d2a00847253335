import { expect } from 'vitest';
import type { CollectionSchema, StoreSchema } from '../../storage/contract.js';
import type { SuiteContext } from './fixtures.js';
import { clients, ids, items, newDoc, SUITE_SCHEMA, seed, T0, tasks } from './fixtures.js';

const withAdditions = (): StoreSchema => {
  const richerClients: CollectionSchema = {
    ...clients,
    fields: { ...clients.fields, phone: 'string', 'vehicle.year': 'number' },
    indexes: [...(clients.indexes ?? []), ['phone', 'score']],
    unique: [...(clients.unique ?? []), { fields: ['phone'] }],
    fullText: [...(clients.fullText ?? []), 'vehicle.model'],
  };
  const vehicles: CollectionSchema = {
    name: 'vehicles',
    fields: { plate: 'string' },
    unique: [{ fields: ['plate'] }],
  };
  return { collections: [richerClients, tasks, items, vehicles] };
};

/**
 * Reopening the same store (close, then a new adapter on the same persistence): data kept, and
 * schema migrations (added field, index, unique key, full-text field, collection) applied in
 * place. Skipped for adapters that cannot reopen.
 *
 * @example
 * ```ts
 * reopenTests(context);
 * ```
 */
export function reopenTests(t: SuiteContext): void {
  const whenReopenable = (name: string, fn: () => Promise<void>) =>
    t.it(name, async () => {
      t.skipUnlessReopenable();
      await fn();
    });

  whenReopenable('reopening keeps every committed document, update and purge', async () => {
    const [lea] = await seed(t.adapter, 'clients', [
      newDoc('c1', { name: 'Léa' }),
      newDoc('c2', { name: 'Marc' }),
    ]);
    await t.adapter.write(async (tx) => {
      await tx.update('clients', { ...(lea as NonNullable<typeof lea>), name: 'Léa Martin' }, 1);
      await tx.purge('clients', 'c2');
    });
    const again = await t.reopen(SUITE_SCHEMA);
    const seen = await again.read(async (tx) => ({
      all: ids((await tx.find('clients', { deleted: 'all' })).items),
      lea: await tx.get('clients', 'c1'),
      search: ids(await tx.search('clients', { text: 'martin' })),
    }));
    expect(seen.all).toEqual(['c1']);
    expect(seen.lea).toMatchObject({ name: 'Léa Martin', rev: 2 });
    expect(seen.search).toEqual(['c1']);
  });

  whenReopenable('reopening with the same schema twice changes nothing', async () => {
    await seed(t.adapter, 'tasks', [newDoc('t1', { number: 'T-1' })]);
    await t.reopen(SUITE_SCHEMA);
    const again = await t.reopen(SUITE_SCHEMA);
    expect(ids((await again.read((tx) => tx.find('tasks'))).items)).toEqual(['t1']);
    await seed(again, 'tasks', [newDoc('t2', { number: 'T-2' })]);
    expect(await again.read((tx) => tx.count('tasks'))).toBe(2);
  });

  whenReopenable(
    'reopening with an added field backfills it from stored documents and makes it queryable',
    async () => {
      await seed(t.adapter, 'clients', [
        newDoc('c1', { phone: '+33 6 12', vehicle: { year: 2021, model: 'Model 3' } }),
        newDoc('c2', { phone: '+33 6 34', vehicle: { year: 2018, model: 'Clio' } }),
        newDoc('c3', {}),
      ]);
      const again = await t.reopen(withAdditions());
      const seen = await again.read(async (tx) => ({
        phone: ids((await tx.find('clients', { where: { phone: '+33 6 34' } })).items),
        recent: ids((await tx.find('clients', { where: { 'vehicle.year': { gte: 2020 } } })).items),
        sorted: ids(
          (await tx.find('clients', { orderBy: [{ field: 'vehicle.year', direction: 'desc' }] })).items,
        ),
        model: ids(await tx.search('clients', { text: 'clio' })),
      }));
      expect(seen).toEqual({ phone: ['c2'], recent: ['c1'], sorted: ['c1', 'c2', 'c3'], model: ['c2'] });
    },
  );

  whenReopenable('reopening with an added unique key and collection enforces and stores them', async () => {
    await seed(t.adapter, 'clients', [newDoc('c1', { phone: '1' })]);
    const again = await t.reopen(withAdditions());
    await seed(again, 'vehicles', [newDoc('v1', { plate: 'AB-123-CD' })]);
    const clash = await again
      .write((tx) => tx.insert('clients', newDoc('c2', { phone: '1' })))
      .then(
        () => 'inserted',
        (err: { code?: string }) => err.code,
      );
    expect(clash).toBe('CONFLICT');
    const last = await t.reopen(withAdditions());
    expect(await last.read((tx) => tx.get('vehicles', 'v1'))).toMatchObject({ plate: 'AB-123-CD' });
  });

  whenReopenable(
    'documents written after a migration are found by the new field after another reopen',
    async () => {
      const migrated = await t.reopen(withAdditions());
      await seed(migrated, 'clients', [
        newDoc('c9', { phone: '99', vehicle: { year: 2024, model: 'Taycan' } }),
      ]);
      await migrated.write(async (tx) => {
        const doc = await tx.get('clients', 'c9');
        await tx.update('clients', { ...(doc as NonNullable<typeof doc>), deletedAt: T0 }, 1);
      });
      const again = await t.reopen(withAdditions());
      const seen = await again.read(async (tx) => ({
        deleted: ids(
          (await tx.find('clients', { where: { 'vehicle.year': 2024 }, deleted: 'deleted' })).items,
        ),
        live: await tx.count('clients', { phone: '99' }),
      }));
      expect(seen).toEqual({ deleted: ['c9'], live: 0 });
    },
  );
}
