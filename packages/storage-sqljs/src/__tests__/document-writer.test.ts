import type { CollectionSchema } from '@rpma/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqljsStorage } from '../index.js';

const items: CollectionSchema = {
  name: 'items',
  fields: { kind: 'string', size: 'number', 'spec.colour': 'string' },
  indexes: [['kind', 'size']],
  unique: [{ fields: ['kind', 'spec.colour'] }],
};
const at = '2026-11-26T00:00:00.000Z';
const kind = fc.constantFrom('film', 'coating', 'tool');
const colour = fc.constantFrom('clear', 'matte', 'black');
const change = fc.record(
  {
    kind,
    size: fc.integer({ min: 0, max: 3 }),
    colour,
    deleted: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('an update writes only the columns that changed', () => {
  it('every field index and unique key agrees with the documents after any series of updates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), change), { maxLength: 12 }),
        async (steps) => {
          const storage = sqljsStorage();
          await storage.open({ collections: [items] });
          const colours = ['clear', 'matte', 'black'];
          const docs = await storage.write(async (tx) =>
            Promise.all(
              colours.map((c, i) =>
                tx.insert('items', {
                  id: `i${i}`,
                  createdAt: at,
                  updatedAt: at,
                  kind: 'film',
                  size: i,
                  spec: { colour: c },
                }),
              ),
            ),
          );
          const model = docs.map((doc) => ({ ...doc }));
          for (const [index, patch] of steps) {
            const current = model[index] as (typeof model)[number];
            const next = {
              ...current,
              kind: patch.kind ?? current.kind,
              size: patch.size ?? current.size,
              spec: { colour: patch.colour ?? current.spec.colour },
              deletedAt: patch.deleted === undefined ? current.deletedAt : patch.deleted ? at : null,
            };
            const clash = model.some(
              (other, i) =>
                i !== index &&
                other.deletedAt === null &&
                next.deletedAt === null &&
                other.kind === next.kind &&
                other.spec.colour === next.spec.colour,
            );
            const written = await storage
              .write((tx) => tx.update('items', next, current.rev))
              .then(
                (doc) => doc,
                (error: { code?: string }) => {
                  expect(error.code).toBe('CONFLICT');
                  return null;
                },
              );
            expect(written === null).toBe(clash);
            if (written) model[index] = written;
          }
          const live = model.filter((doc) => doc.deletedAt === null);
          const found = await storage.read(async (tx) => ({
            kinds: await Promise.all(
              ['film', 'coating', 'tool'].map(async (k) =>
                (await tx.find('items', { where: { kind: k } })).items.map((d) => d.id).sort(),
              ),
            ),
            sizes: await Promise.all(
              [0, 1, 2, 3].map(async (s) =>
                (await tx.find('items', { where: { kind: 'film', size: s } })).items.map((d) => d.id).sort(),
              ),
            ),
            colours: await Promise.all(
              colours.map(async (c) =>
                (await tx.find('items', { where: { 'spec.colour': c } })).items.map((d) => d.id).sort(),
              ),
            ),
          }));
          const ids = (keep: (doc: (typeof live)[number]) => boolean) =>
            live
              .filter(keep)
              .map((d) => d.id)
              .sort();
          expect(found).toEqual({
            kinds: ['film', 'coating', 'tool'].map((k) => ids((d) => d.kind === k)),
            sizes: [0, 1, 2, 3].map((s) => ids((d) => d.kind === 'film' && d.size === s)),
            colours: colours.map((c) => ids((d) => d.spec.colour === c)),
          });
          await storage.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
