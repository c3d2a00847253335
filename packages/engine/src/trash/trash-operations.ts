import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { cursor, idString, pageLimit } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, Page } from '../storage/contract.js';
import { TrashRegistry } from './trash-registry.js';

const collectionName = z.string().check(z.minLength(1), z.maxLength(100));

/** One document in the trash, with the collection it belongs to. */
export interface TrashItem {
  collection: string;
  doc: Doc<object>;
}

/**
 * `trash.list`: soft-deleted documents, most recently deleted first. With `collection`, that
 * collection only, cursor-paged; without, the latest `limit` across every collection the trash
 * covers (one page).
 *
 * @example
 * ```ts
 * const { items } = await shop.trash.list({ collection: 'clients' });
 * ```
 */
export const listTrash = defineQuery({
  name: 'trash.list',
  input: z.optional(
    z.strictObject({
      collection: z.optional(collectionName),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  run: async (ctx, input): Promise<Page<TrashItem>> => {
    const registry = ctx.get<TrashRegistry>(TrashRegistry);
    const limit = input?.limit ?? 50;
    const order = [{ field: 'deletedAt', direction: 'desc' as const }];
    if (input?.collection) {
      const collection = registry.handler(input.collection).collection;
      const page = await ctx.tx.find(collection, {
        deleted: 'deleted',
        orderBy: order,
        limit,
        ...(input.after ? { after: input.after } : {}),
      });
      return { items: page.items.map((doc) => ({ collection, doc })), nextCursor: page.nextCursor };
    }
    const items: TrashItem[] = [];
    for (const collection of registry.collections()) {
      const page = await ctx.tx.find(collection, { deleted: 'deleted', orderBy: order, limit });
      items.push(...page.items.map((doc) => ({ collection, doc })));
    }
    items.sort(
      (a, b) =>
        (b.doc.deletedAt ?? '').localeCompare(a.doc.deletedAt ?? '') || a.doc.id.localeCompare(b.doc.id),
    );
    return { items: items.slice(0, limit), nextCursor: null };
  },
});

const target = z.strictObject({ collection: collectionName, id: idString });

/**
 * `trash.restore`: takes a document out of the trash; refused (`PRECONDITION`) when what it
 * belongs to is itself deleted (restore the client before its vehicle).
 *
 * @example
 * ```ts
 * await shop.trash.restore({ collection: 'clients', id });
 * ```
 */
export const restoreFromTrash = defineCommand({
  name: 'trash.restore',
  input: target,
  run: async (ctx, input): Promise<Doc<object>> => {
    const handler = ctx.get<TrashRegistry>(TrashRegistry).handler(input.collection);
    const doc = await ctx.load(input.collection, input.id, { deleted: true });
    await handler.beforeRestore?.(ctx, doc);
    const restored = await ctx.restore(input.collection, doc);
    await handler.afterRestore?.(ctx, restored);
    return restored;
  },
});

/**
 * `trash.purge` (admin only): removes a document of the trash for good; refused
 * (`PRECONDITION`) for a document not in the trash or still referenced.
 *
 * @example
 * ```ts
 * await shop.trash.purge({ collection: 'tasks', id });
 * ```
 */
export const purgeFromTrash = defineCommand({
  name: 'trash.purge',
  input: target,
  run: async (ctx, input): Promise<void> => {
    const handler = ctx.get<TrashRegistry>(TrashRegistry).handler(input.collection);
    const doc = await ctx.load(input.collection, input.id, { deleted: true });
    if (doc.deletedAt === null) {
      throw new EngineError(
        'PRECONDITION',
        `${input.collection} ${input.id} is not in the trash; delete it first`,
        {
          details: { ...input },
        },
      );
    }
    await handler.beforePurge?.(ctx, doc);
    await ctx.purge(input.collection, doc);
  },
});

/** The trash operations, as the `shop.trash` section exposes them. */
export const trashOperations = { list: listTrash, restore: restoreFromTrash, purge: purgeFromTrash };
