import type { DocMeta, Shop } from '@rpma/engine';

/**
 * A task as the engine's task queries return it (stored fields, document meta, derived
 * `overdue`), taken from the `Shop` API itself so the view never drifts from the engine.
 *
 * @example
 * ```ts
 * const task: TaskRow = (await shop.tasks.page({})).items[0];
 * ```
 */
export type TaskRow = Awaited<ReturnType<Shop['tasks']['get']>> & DocMeta;

/**
 * A task status, as the engine types it.
 *
 * @example
 * ```ts
 * const s: TaskStatus = 'in_progress';
 * ```
 */
export type TaskStatus = TaskRow['status'];

/**
 * The engine's task queries return whole documents, but type their items without the document
 * meta (`id`, `rev`, …); this names them as what they are.
 *
 * @example
 * ```ts
 * const page = asTaskPage(await shop.tasks.page({ status: 'scheduled' }));
 * page.items[0]?.id;
 * ```
 */
export function asTaskPage<P extends { items: readonly unknown[]; nextCursor: string | null }>(
  page: P,
): { items: TaskRow[]; nextCursor: string | null } {
  return page as unknown as { items: TaskRow[]; nextCursor: string | null };
}
