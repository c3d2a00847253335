import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { cursor, idString, pageLimit } from '../domain/schemas.js';
import type { Doc, Page } from '../storage/contract.js';
import type { OutboxRecord } from './outbox-collection.js';

/**
 * `outbox.pending`: outbox records not yet acknowledged, oldest first, cursor-paged — what the
 * sync server pulls. Admin only.
 *
 * @example
 * ```ts
 * const { items } = await shop.outbox.pending({ limit: 100 });
 * ```
 */
export const pendingOutbox = defineQuery({
  name: 'outbox.pending',
  input: z.optional(z.object({ limit: z.optional(pageLimit), after: z.optional(cursor) })),
  run: (ctx, input): Promise<Page<Doc<OutboxRecord>>> =>
    ctx.tx.find<OutboxRecord>('outbox', {
      where: { ackedAt: { isNull: true } },
      orderBy: [{ field: 'id' }],
      limit: input?.limit ?? 100,
      ...(input?.after !== undefined ? { after: input.after } : {}),
    }),
});

/**
 * `outbox.ack`: marks records as taken by the sync server (sets `ackedAt`); unknown or already
 * acknowledged ids are skipped. Resolves to the number acknowledged. Admin only.
 *
 * @example
 * ```ts
 * await shop.outbox.ack({ ids: items.map((r) => r.id) });
 * ```
 */
export const ackOutbox = defineCommand({
  name: 'outbox.ack',
  input: z.object({ ids: z.array(idString).check(z.minLength(1), z.maxLength(1000)) }),
  run: async (ctx, input): Promise<number> => {
    let acked = 0;
    for (const record of await ctx.tx.getMany<OutboxRecord>('outbox', [...new Set(input.ids)])) {
      if (record.ackedAt !== null) continue;
      await ctx.tx.update('outbox', { ...record, ackedAt: ctx.now, updatedAt: ctx.now }, record.rev);
      acked++;
    }
    return acked;
  },
});

/** The outbox operations, as the `shop.outbox` section exposes them. */
export const outboxOperations = { pending: pendingOutbox, ack: ackOutbox };
