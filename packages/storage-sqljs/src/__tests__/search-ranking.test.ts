import type { CollectionSchema, StorageAdapter } from '@rpma/engine';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { sqljsStorage } from '../index.js';
import { matchText, rankMatches } from '../search-ranking.js';

const clients: CollectionSchema = {
  name: 'clients',
  fields: { kind: 'string' },
  fullText: ['name', 'notes'],
};
const at = '2026-11-26T00:00:00.000Z';
let storage: StorageAdapter | undefined;

afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

async function storeOf(people: { id: string; name: string; notes?: string; kind?: string }[]) {
  storage = sqljsStorage();
  await storage.open({ collections: [clients] });
  await storage.write(async (tx) => {
    for (const p of people) {
      await tx.insert('clients', { createdAt: at, updatedAt: at, kind: 'individual', notes: '', ...p });
    }
  });
  return storage;
}

async function names(store: StorageAdapter, text: string, options: { limit?: number; kind?: string } = {}) {
  const found = await store.read((tx) =>
    tx.search<{ name: string }>('clients', {
      text,
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.kind === undefined ? {} : { where: { kind: options.kind } }),
    }),
  );
  return found.map((doc) => doc.name);
}

describe('search ranking', () => {
  it('puts a whole-word match before a prefix match, accents and case aside', async () => {
    const store = await storeOf([
      { id: 'c1', name: 'Marcel Durand' },
      { id: 'c2', name: 'Martine Leroy' },
      { id: 'c3', name: 'Léa Mar' },
      { id: 'c4', name: 'Léandre Petit' },
      { id: 'c5', name: 'LEA Moreau' },
    ]);
    expect(await names(store, 'mar')).toEqual(['Léa Mar', 'Marcel Durand', 'Martine Leroy']);
    expect((await names(store, 'Lea')).slice(0, 2).sort()).toEqual(['LEA Moreau', 'Léa Mar']);
    expect(await names(store, 'léa')).toHaveLength(3);
    expect((await names(store, 'lea'))[2]).toBe('Léandre Petit');
    expect(await names(store, 'lea mar')).toEqual(['Léa Mar']);
  });

  it('among 2,000 namesakes, finds the one whose name is the word typed, first', async () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, name: `Martin ${i}` }));
    people.push({ id: 'exact', name: 'Mart Dubois' });
    const store = await storeOf(people);
    expect((await names(store, 'mart', { limit: 3 }))[0]).toBe('Mart Dubois');
    expect(await names(store, 'martin', { limit: 2 })).toEqual(['Martin 0', 'Martin 1']);
  });

  it('fills the limit past candidates the where filter drops, in rank order', async () => {
    const people = Array.from({ length: 300 }, (_, i) => ({
      id: `c${String(i).padStart(3, '0')}`,
      name: `Hugo ${i}`,
      kind: i % 50 === 0 ? 'business' : 'individual',
      notes: i === 250 ? 'hugo hugo' : '',
    }));
    const store = await storeOf(people);
    expect(await names(store, 'hugo', { kind: 'business', limit: 4 })).toEqual([
      'Hugo 250',
      'Hugo 0',
      'Hugo 50',
      'Hugo 100',
    ]);
    expect(await names(store, 'hugo', { kind: 'business' })).toHaveLength(6);
  });
});

describe('rank of matches', () => {
  const hex = (n: number) =>
    [0, 8, 16, 24].map((shift) => ((n >>> shift) & 0xff).toString(16).padStart(2, '0')).join('');

  it('orders by the sum of hits over the hits of all matched rows, then by docid', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 60, maxLength: 60 }),
        (docids, hits) => {
          const cells = 2;
          const hit = (row: number, cell: number) => hits[row * cells + cell] as number;
          const totals = [0, 1].map((cell) => docids.reduce((sum, _, row) => sum + hit(row, cell), 0));
          const info = docids.map((_, row) => hex(hit(row, 0)) + hex(hit(row, 1))).join('');
          const score = (row: number) =>
            [0, 1].reduce((sum, cell) => {
              const total = totals[cell] as number;
              return total > 0 ? sum + hit(row, cell) / total : sum;
            }, 0);
          const expected = docids
            .map((id, row) => ({ id, score: score(row) }))
            .sort((a, b) => b.score - a.score || a.id - b.id)
            .map((r) => r.id);
          expect(rankMatches(docids.join(','), info, cells)).toEqual(expected);
        },
      ),
    );
  });

  it('matches each term as a whole word or as a prefix', () => {
    expect(matchText(['lea', 'mar'])).toBe('(lea OR lea*) (mar OR mar*)');
  });
});
