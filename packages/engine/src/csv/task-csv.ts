import { parseInstant } from '../calendar/time-zone.js';
import type { Client } from '../clients/client-model.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import type { Vehicle } from '../vehicles/vehicle-model.js';
import { given, LIST_SEPARATOR, listCell } from './client-csv.js';
import type { CsvValue } from './csv-format.js';

/**
 * Columns of the tasks CSV, in export order. An import reads `number`, `status`, `clientName` and
 * `createdAt` and leaves them alone: the importing shop numbers its tasks, and a task's status
 * starts where `tasks.create` puts it (scheduled with a start, else draft) — its history is not
 * something a spreadsheet can carry.
 *
 * @example
 * ```ts
 * TASK_COLUMNS.includes('vehiclePlate'); // true
 * ```
 */
export const TASK_COLUMNS = [
  'id',
  'number',
  'status',
  'title',
  'clientId',
  'clientName',
  'service',
  'coverage',
  'priority',
  'technicianId',
  'scheduledStart',
  'scheduledEnd',
  'dueAt',
  'estimateMinutes',
  'estimateAmount',
  'notes',
  'tags',
  'vehicleId',
  'vehicleMake',
  'vehicleModel',
  'vehicleYear',
  'vehiclePlate',
  'vehicleVin',
  'vehicleColour',
  'createdAt',
] as const;

/**
 * A task as one CSV record, with its client's name and its vehicle's details.
 *
 * @example
 * ```ts
 * taskRecord(task, client, vehicle); // { number: 'T-2026-000001', clientName: 'Léa Martin', vehiclePlate: 'AB-123-CD', … }
 * ```
 */
export function taskRecord(
  task: Doc<Task>,
  client?: Doc<Client>,
  vehicle?: Doc<Vehicle>,
): Record<string, CsvValue> {
  return {
    id: task.id,
    number: task.number,
    status: task.status,
    title: task.title,
    clientId: task.clientId,
    clientName: client?.name,
    service: task.service,
    coverage: task.coverage.join(LIST_SEPARATOR),
    priority: task.priority,
    technicianId: task.technicianId,
    scheduledStart: task.scheduledStart,
    scheduledEnd: task.scheduledEnd,
    dueAt: task.dueAt,
    estimateMinutes: task.estimate.minutes,
    estimateAmount: task.estimate.amount,
    notes: task.notes,
    tags: task.tags.join(LIST_SEPARATOR),
    vehicleId: task.vehicleId,
    vehicleMake: vehicle?.make,
    vehicleModel: vehicle?.model,
    vehicleYear: vehicle?.year,
    vehiclePlate: vehicle?.plate,
    vehicleVin: vehicle?.vin,
    vehicleColour: vehicle?.colour,
    createdAt: task.createdAt,
  };
}

/**
 * A number cell, with a decimal point or a decimal comma (`12,5` from French Excel); a cell that
 * is not a number is passed on as text, for the schema to refuse with its path.
 *
 * @example
 * ```ts
 * numberCell('12,5'); // 12.5
 * ```
 */
export function numberCell(cell: string | undefined): number | string | undefined {
  if (!cell) return undefined;
  const normalised = cell.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : cell;
}

/**
 * A date-time cell: ISO-8601 with an offset, or a wall time without one read in the
 * organisation's `zone`; returned as UTC ISO, or as the text when unreadable (the schema refuses it).
 *
 * @example
 * ```ts
 * instantCell('2026-03-30T09:00', 'Europe/Paris'); // '2026-03-30T07:00:00.000Z'
 * ```
 */
export function instantCell(cell: string | undefined, zone: string): string | undefined {
  if (!cell) return undefined;
  const ms = parseInstant(cell, zone);
  return ms === undefined ? cell : new Date(ms).toISOString();
}

/**
 * A CSV row as the input of `tasks.create` (validated afterwards by that command's schema).
 * `existingVehicle` says whether `vehicleId` names a vehicle of this store: if not, the vehicle
 * columns describe a new vehicle (a task exported from another shop brings its car along).
 *
 * @example
 * ```ts
 * taskInput({ title: 'Full front', clientId: 'c1', service: 'ppf', vehicleMake: 'Tesla', vehicleModel: 'Model 3' }, 'Europe/Paris', false);
 * ```
 */
export function taskInput(
  cells: Record<string, string>,
  zone: string,
  existingVehicle: boolean,
): Record<string, unknown> {
  const minutes = numberCell(cells.estimateMinutes);
  const amount = numberCell(cells.estimateAmount);
  const vehicle = given({
    make: cells.vehicleMake,
    model: cells.vehicleModel,
    year: numberCell(cells.vehicleYear),
    plate: cells.vehiclePlate,
    vin: cells.vehicleVin,
    colour: cells.vehicleColour,
  });
  const useId = existingVehicle || (Boolean(cells.vehicleId) && Object.keys(vehicle).length === 0);
  return given({
    title: cells.title,
    clientId: cells.clientId,
    vehicleId: useId ? cells.vehicleId : undefined,
    vehicle: !useId && Object.keys(vehicle).length > 0 ? vehicle : undefined,
    service: cells.service,
    coverage: listCell(cells.coverage),
    priority: cells.priority,
    technicianId: cells.technicianId,
    scheduledStart: instantCell(cells.scheduledStart, zone),
    scheduledEnd: instantCell(cells.scheduledEnd, zone),
    dueAt: instantCell(cells.dueAt, zone),
    estimate:
      minutes === undefined && amount === undefined
        ? undefined
        : { minutes: minutes ?? null, amount: amount ?? null },
    notes: cells.notes,
    tags: listCell(cells.tags),
  });
}
