import type { CollectionSchema, ReadTransaction, WriteTransaction } from '../storage/contract.js';
import { roundQuantity } from './stock-movement.js';

/**
 * A closing balance of the stock ledger: the sum of every movement of generation ≤
 * `generation`, per material. Checkpoints are derived from the movements, written by the ledger
 * inside a movement's transaction, and never changed afterwards; on hand stays "the sum of the
 * movements" — a checkpoint only saves re-adding the old ones.
 *
 * @example
 * ```ts
 * const c: StockCheckpoint = { generation: 3, sums: { 'm-1': 42.5 }, movements: 15_000, at: '2026-11-26T08:00:00.000Z' };
 * ```
 */
export interface StockCheckpoint {
  generation: number;
  sums: Record<string, number>;
  /** How many movements the checkpoint covers. */
  movements: number;
  at: string;
}

/**
 * The `stockCheckpoints` collection, one document per generation.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(stockCheckpointsCollection);
 * ```
 */
export const stockCheckpointsCollection: CollectionSchema = {
  name: 'stockCheckpoints',
  fields: { generation: 'number' },
  unique: [{ fields: ['generation'], includeDeleted: true }],
};

/** A new checkpoint is written once this many movements follow the last one. */
export const CHECKPOINT_EVERY = 5_000;

/**
 * The latest checkpoint, or an empty one of generation 0 when none was written yet.
 *
 * @example
 * ```ts
 * const { generation } = await latestCheckpoint(tx); // movements written now get generation + 1
 * ```
 */
export async function latestCheckpoint(tx: ReadTransaction): Promise<StockCheckpoint> {
  const { items } = await tx.find<StockCheckpoint>('stockCheckpoints', {
    orderBy: [{ field: 'generation', direction: 'desc' }],
    limit: 1,
  });
  return items[0] ?? { generation: 0, sums: {}, movements: 0, at: '' };
}

/**
 * On hand per material: the latest checkpoint plus the movements written after it (one grouped
 * aggregate over the tail only; grouped by generation first so the storage walks the
 * `generation, materialId, quantity` index from the checkpoint on instead of every movement).
 *
 * @example
 * ```ts
 * const sums = await onHandByMaterial(tx); // Map { 'm-1' => 42.5, … }
 * ```
 */
export async function onHandByMaterial(tx: ReadTransaction): Promise<Map<string, number>> {
  const checkpoint = await latestCheckpoint(tx);
  const sums = new Map(Object.entries(checkpoint.sums));
  const tail = await tx.aggregate('stockMovements', {
    where: { generation: { gt: checkpoint.generation } },
    groupBy: ['generation', 'materialId'],
    measures: { onHand: { fn: 'sum', field: 'quantity' } },
    deleted: 'all',
  });
  for (const row of tail) {
    const id = String(row.group.materialId);
    sums.set(id, roundQuantity((sums.get(id) ?? 0) + (row.values.onHand ?? 0)));
  }
  return sums;
}

/**
 * Writes the next checkpoint when at least `every` movements follow the latest one (the ledger
 * calls this after each movement, inside its transaction). Returns the checkpoint written, or
 * null.
 *
 * @example
 * ```ts
 * await checkpointIfDue(ctx.tx, ctx.now);
 * ```
 */
export async function checkpointIfDue(
  tx: WriteTransaction,
  at: string,
  every = CHECKPOINT_EVERY,
): Promise<StockCheckpoint | null> {
  const latest = await latestCheckpoint(tx);
  const tail = await tx.count('stockMovements', { generation: { gt: latest.generation } }, 'all');
  if (tail < every) return null;
  const sums = await onHandByMaterial(tx);
  const checkpoint: StockCheckpoint = {
    generation: latest.generation + 1,
    sums: Object.fromEntries(sums),
    movements: latest.movements + tail,
    at,
  };
  await tx.insert<StockCheckpoint>('stockCheckpoints', {
    id: `stock-checkpoint-${checkpoint.generation}`,
    createdAt: at,
    updatedAt: at,
    ...checkpoint,
  });
  return checkpoint;
}
