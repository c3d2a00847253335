import type { Shop } from '../engine/shop.js';
import type { TaskView } from '../tasks/task-model.js';
import type { Intervention } from '../workflows/workflow-collections.js';

/**
 * A job to open: the service (a registered workflow id) and the technician the task is
 * assigned to; the coverage (default `['hood']`) is optional.
 *
 * @example
 * ```ts
 * const job: AssignedJob = { service: 'ppf', technicianId: 'tech-1', coverage: ['hood'] };
 * ```
 */
export interface AssignedJob {
  service: string;
  technicianId: string;
  coverage?: string[];
}

/**
 * Creates a task of the job for the client, assigned to its technician and scheduled on
 * 2026-11-26 08:00 UTC (the fixtures' start), through the public API as `staff` (a supervisor or
 * admin shop).
 *
 * @example
 * ```ts
 * const task = await assignedTask(boss, client.id, { service: 'ceramic', technicianId: 'tech-1', coverage: ['hood', 'roof'] });
 * ```
 */
export function assignedTask(staff: Shop, clientId: string, job: AssignedJob): Promise<TaskView> {
  return staff.tasks.create({
    title: `${job.service} job`,
    clientId,
    service: job.service,
    coverage: job.coverage ?? ['hood'],
    technicianId: job.technicianId,
    scheduledStart: '2026-11-26T08:00:00Z',
  });
}

/**
 * Starts a real intervention through the public API: a new client, an {@link assignedTask}, and
 * the workflow started on it by `staff`. For tests and benches that need an intervention a
 * technician owns, such as photo uploads, which the engine accepts only on such an intervention.
 *
 * @example
 * ```ts
 * const run = await openIntervention(boss, { service: 'ppf', technicianId: 'tech-1', coverage: ['hood'] });
 * await tech.photos.upload({ interventionId: run.id, stepId: 'inspection', bytes });
 * ```
 */
export async function openIntervention(staff: Shop, job: AssignedJob): Promise<Intervention> {
  const client = await staff.clients.create({ kind: 'individual', name: 'Léa Martin' });
  const task = await assignedTask(staff, client.id, job);
  return staff.interventions.start(task.id);
}
