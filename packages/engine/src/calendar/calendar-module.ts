import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import {
  cancelEvent,
  cancelOccurrence,
  createEvent,
  deleteEvent,
  rescheduleEvent,
  updateEvent,
} from './calendar-commands.js';
import { calendarCollection } from './calendar-event.js';
import { checkConflicts, getEvent, listCalendar } from './calendar-queries.js';
import { calendarTrash } from './calendar-trash.js';
import { scheduleTask } from './schedule-task.js';

/**
 * Every calendar operation, as the `shop.calendar` section exposes them.
 *
 * @example
 * ```ts
 * const week = await shop.calendar.list({ from: '2026-03-30T00:00', to: '2026-04-06T00:00' });
 * ```
 */
export const calendarOperations = {
  create: createEvent,
  reschedule: rescheduleEvent,
  update: updateEvent,
  cancel: cancelEvent,
  cancelOccurrence,
  delete: deleteEvent,
  scheduleTask,
  get: getEvent,
  list: listCalendar,
  checkConflicts,
};

/**
 * The calendar: the `calendarEvents` collection, its operations and its trash handler.
 *
 * @example
 * ```ts
 * await container.load(calendarModule);
 * ```
 */
export const calendarModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(calendarCollection);
  registerOperations(bind, calendarOperations);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue(calendarTrash);
});
