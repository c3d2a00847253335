import { buildSearchText } from '../clients/search-text.js';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc } from '../storage/contract.js';
import type { Vehicle } from '../vehicles/vehicle-model.js';
import type { Task } from './task-model.js';

/**
 * Checks shared by the task commands: a schedule ends after it starts, a task's vehicle belongs
 * to its client, and the derived full-text of a task.
 *
 * @example
 * ```ts
 * checkSchedule({ scheduledStart: '2026-03-02T08:00:00.000Z', scheduledEnd: null });
 * ```
 */
export function checkSchedule(t: Pick<Task, 'scheduledStart' | 'scheduledEnd'>): void {
  if (t.scheduledStart && t.scheduledEnd && t.scheduledEnd <= t.scheduledStart) {
    throw new EngineError('VALIDATION', 'a task must end after it starts', {
      details: {
        issues: [{ path: 'scheduledEnd', message: 'must be after scheduledStart', code: 'custom' }],
      },
    });
  }
}

/** The live vehicle `vehicleId`, which must belong to `clientId` (`PRECONDITION` otherwise). */
export async function vehicleOfClient(
  ctx: CommandContext,
  vehicleId: string,
  clientId: string,
): Promise<Doc<Vehicle>> {
  const vehicle = await ctx.load<Vehicle>('vehicles', vehicleId);
  if (vehicle.clientId !== clientId) {
    throw new EngineError('PRECONDITION', `vehicle ${vehicleId} belongs to another client`, {
      details: { vehicleId, clientId },
    });
  }
  return vehicle;
}

/** What full-text search matches for a task: number, title, service, tags, notes, plate. */
export function taskSearchText(
  task: Pick<Task, 'number' | 'title' | 'service' | 'tags' | 'notes'>,
  plate: string | null,
): string {
  return buildSearchText({
    text: [task.number, task.title, task.service, ...task.tags, task.notes],
    plates: [plate],
  });
}
