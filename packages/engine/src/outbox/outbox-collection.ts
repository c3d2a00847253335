import type { Operation } from '../domain/command.js';
import type { CollectionSchema } from '../storage/contract.js';

/**
 * One sync-outbox record, written by the command path in the same transaction as the change:
 * which entity, which document, what happened, which fields changed, when. `ackedAt` is set
 * once the sync server has taken it.
 *
 * @example
 * ```ts
 * const row: OutboxRecord = {
 *   entity: 'tasks', entityId: 't-1', operation: 'update', fields: ['status'],
 *   at: '2026-03-01T08:00:00.000Z', ackedAt: null,
 * };
 * ```
 */
export interface OutboxRecord {
  entity: string;
  entityId: string;
  operation: Operation;
  fields: string[];
  at: string;
  ackedAt: string | null;
}

/**
 * The `outbox` collection; pending records are those with no `ackedAt`, in id (creation) order.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(outboxCollection);
 * ```
 */
export const outboxCollection: CollectionSchema = {
  name: 'outbox',
  fields: { ackedAt: 'date' },
  indexes: [['ackedAt', 'id']],
};
