import type { CommandContext } from '../domain/command.js';
import { readSettings } from '../settings/settings-service.js';

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** A year formatter per time zone, made once (building one costs far more than using it). */
function yearFormat(timeZone: string): Intl.DateTimeFormat {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Allocates the next task number, `<prefix>-<year>-<6 digits>` (`T-2026-000123`): the prefix
 * from the settings, the year in the organisation's time zone, the sequence from the counter
 * document `tasks:<year>`, bumped in the caller's write transaction. Write transactions are
 * serialised, so two concurrent creations never read the same counter; the unique key on
 * `tasks.number` is the second guard.
 *
 * @example
 * ```ts
 * const number = await nextTaskNumber(ctx); // 'T-2026-000001'
 * ```
 */
export async function nextTaskNumber(ctx: CommandContext): Promise<string> {
  const settings = await readSettings(ctx.tx);
  const year = yearFormat(settings.timeZone).format(new Date(ctx.now));
  const id = `tasks:${year}`;
  const counter = await ctx.tx.get<{ value: number }>('counters', id);
  let value = 1;
  if (counter) {
    value = counter.value + 1;
    await ctx.tx.update('counters', { ...counter, value, updatedAt: ctx.now }, counter.rev);
  } else {
    await ctx.tx.insert('counters', { id, value, createdAt: ctx.now, updatedAt: ctx.now });
  }
  return `${settings.taskNumberPrefix}-${year}-${String(value).padStart(6, '0')}`;
}
