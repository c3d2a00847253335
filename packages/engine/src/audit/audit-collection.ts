import type { Operation } from '../domain/command.js';
import type { FieldChange } from '../domain/diff.js';
import type { CollectionSchema } from '../storage/contract.js';

/**
 * One audit record, written by the command path in the same transaction as the change it
 * describes: who (actor), when, which command, which entity, and the field diff.
 *
 * @example
 * ```ts
 * const row: AuditEvent = {
 *   actorId: 'u-1', actorRole: 'admin', command: 'clients.update', entity: 'clients',
 *   entityId: 'c-1', operation: 'update', at: '2026-03-01T08:00:00.000Z',
 *   diff: { phone: { before: null, after: '+33 6 12 34 56 78' } },
 * };
 * ```
 */
export interface AuditEvent {
  actorId: string;
  actorRole: string;
  command: string;
  entity: string;
  entityId: string;
  operation: Operation;
  at: string;
  diff: Record<string, FieldChange>;
}

/**
 * The `auditEvents` collection: queryable by entity, by actor and by time (only those fields are
 * declared: every declared field is an index that each command's audit row must maintain).
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(auditCollection);
 * ```
 */
export const auditCollection: CollectionSchema = {
  name: 'auditEvents',
  fields: { actorId: 'string', entity: 'string', entityId: 'string', at: 'date' },
  indexes: [
    ['entity', 'entityId', 'at'],
    ['actorId', 'at'],
  ],
};
