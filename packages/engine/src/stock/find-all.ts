import type { Doc, FindQuery, Page, ReadTransaction } from '../storage/contract.js';

/**
 * Every document a `find` matches, following the cursor page by page (1000 at a time).
 * For bounded sets (a material's lots, a lot's uses); large lists stay paged for callers.
 *
 * @example
 * ```ts
 * const lots = await findAll<Lot>(tx, 'lots', { where: { materialId }, orderBy: [{ field: 'receivedAt' }] });
 * ```
 */
export async function findAll<T extends object>(
  tx: ReadTransaction,
  collection: string,
  query: FindQuery,
): Promise<Doc<T>[]> {
  const out: Doc<T>[] = [];
  let after: string | null = null;
  do {
    const page: Page<Doc<T>> = await tx.find<T>(collection, {
      ...query,
      limit: 1000,
      ...(after ? { after } : {}),
    });
    out.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return out;
}
