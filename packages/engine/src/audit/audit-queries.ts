import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { cursor, idString, isoDate, pageLimit } from '../domain/schemas.js';
import type { Doc, Page, Where } from '../storage/contract.js';
import type { AuditEvent } from './audit-collection.js';

const auditQueryInput = z.object({
  entity: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  entityId: z.optional(idString),
  actorId: z.optional(idString),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  limit: z.optional(pageLimit),
  after: z.optional(cursor),
});

/**
 * `audit.query`: audit records, most recent first (newest id first within one instant), filtered by entity (and document), actor and
 * time range (`from` inclusive, `to` exclusive); cursor-paged. Supervisors and admins only.
 *
 * @example
 * ```ts
 * const page = await shop.audit.query({ entity: 'clients', entityId: client.id });
 * page.items[0].diff; // { phone: { before: null, after: '+33…' } }
 * ```
 */
export const queryAudit = defineQuery({
  name: 'audit.query',
  input: auditQueryInput,
  run: (ctx, input): Promise<Page<Doc<AuditEvent>>> => {
    const where: Where = {};
    if (input.entity !== undefined) where.entity = input.entity;
    if (input.entityId !== undefined) where.entityId = input.entityId;
    if (input.actorId !== undefined) where.actorId = input.actorId;
    if (input.from !== undefined || input.to !== undefined) {
      where.at = {
        ...(input.from !== undefined ? { gte: input.from } : {}),
        ...(input.to !== undefined ? { lt: input.to } : {}),
      };
    }
    return ctx.tx.find<AuditEvent>('auditEvents', {
      where,
      orderBy: [
        { field: 'at', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      limit: input.limit ?? 50,
      ...(input.after !== undefined ? { after: input.after } : {}),
    });
  },
});

/** The audit operations, as the `shop.audit` section exposes them. */
export const auditOperations = { query: queryAudit };
