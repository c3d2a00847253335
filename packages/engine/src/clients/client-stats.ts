import type { CommandContext } from '../domain/command.js';
import { jsonEqual } from '../domain/diff.js';
import type { Doc } from '../storage/contract.js';
import type { Client, ClientStats } from './client-model.js';

/** Task statuses whose work is done (counted as completed and billed). */
const DONE = ['completed', 'archived'];

/**
 * Recomputes a client's derived stats from their live tasks, inside the caller's transaction,
 * and stores them when they changed. Every command that changes, deletes or restores a task
 * calls it (creation calls {@link countNewTask}), so the stats are never stale.
 *
 * Stats are derived bookkeeping: stored without an audit or outbox row of their own (the task
 * change that caused them has both, and a sync server recomputes them from the tasks).
 *
 * @example
 * ```ts
 * await refreshClientStats(ctx, task.clientId);
 * ```
 */
export async function refreshClientStats(
  ctx: CommandContext,
  clientId: string,
): Promise<Doc<Client> | undefined> {
  const client = await ctx.tx.get<Client>('clients', clientId);
  if (!client) return undefined;
  const [totals] = await ctx.tx.aggregate('tasks', {
    where: { clientId },
    measures: { tasks: { fn: 'count' } },
  });
  const [done] = await ctx.tx.aggregate('tasks', {
    where: { clientId, status: { in: DONE } },
    measures: { completed: { fn: 'count' }, billed: { fn: 'sum', field: 'billedAmount' } },
  });
  const last = await ctx.tx.find<{ completedAt: string }>('tasks', {
    where: { clientId, completedAt: { isNull: false } },
    orderBy: [{ field: 'completedAt', direction: 'desc' }],
    limit: 1,
  });
  const stats: ClientStats = {
    tasks: totals?.values.tasks ?? 0,
    completed: done?.values.completed ?? 0,
    totalBilled: round2(done?.values.billed ?? 0),
    lastVisitAt: last.items[0]?.completedAt ?? null,
  };
  return writeStats(ctx, client, stats);
}

/**
 * Counts a task just created for `clientId` (live, not done yet: only `tasks` changes), without
 * re-reading every task of the client.
 *
 * @example
 * ```ts
 * await countNewTask(ctx, task.clientId);
 * ```
 */
export async function countNewTask(ctx: CommandContext, clientId: string): Promise<Doc<Client> | undefined> {
  const client = await ctx.tx.get<Client>('clients', clientId);
  if (!client) return undefined;
  return writeStats(ctx, client, { ...client.stats, tasks: client.stats.tasks + 1 });
}

async function writeStats(
  ctx: CommandContext,
  client: Doc<Client>,
  stats: ClientStats,
): Promise<Doc<Client>> {
  if (jsonEqual(client.stats, stats)) return client;
  return ctx.tx.update<Client>('clients', { ...client, stats, updatedAt: ctx.now }, client.rev);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
