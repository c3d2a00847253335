import type { CommandContext } from '../domain/command.js';
import type { Doc } from '../storage/contract.js';
import type { Client, ClientStats } from './client-model.js';

/** Task statuses whose work is done (counted as completed and billed). */
const DONE = ['completed', 'archived'];

/**
 * Recomputes a client's derived stats from their live tasks, inside the caller's transaction,
 * and stores them when they changed. Every command that creates, changes, deletes or restores
 * a task calls it, so the stats are never stale.
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
  return ctx.update<Client>('clients', client, { stats });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
