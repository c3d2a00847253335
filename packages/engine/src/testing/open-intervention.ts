import type { Shop } from '../engine/shop.js';
import type { Intervention } from '../workflows/workflow-collections.js';

/**
 * What {@link openIntervention} needs: the service (a registered workflow id) and the technician
 * the task is assigned to; the coverage and the client's name are optional.
 *
 * @example
 * ```ts
 * const job: OpenInterventionOptions = { service: 'ppf', technicianId: 'tech-1', coverage: ['hood'] };
 * ```
 */
export interface OpenInterventionOptions {
  service: string;
  technicianId: string;
  coverage?: string[];
  clientName?: string;
}

/**
 * Starts a real intervention through the public API: a new client, a scheduled task of
 * `service` assigned to `technicianId`, and the workflow started on it by `staff` (a supervisor
 * or admin shop). For tests and benches that need an intervention a technician owns, such as
 * photo uploads, which the engine accepts only on such an intervention.
 *
 * @example
 * ```ts
 * const run = await openIntervention(boss, { service: 'ppf', technicianId: 'tech-1', coverage: ['hood'] });
 * await tech.photos.upload({ interventionId: run.id, stepId: 'inspection', bytes });
 * ```
 */
export async function openIntervention(staff: Shop, options: OpenInterventionOptions): Promise<Intervention> {
  const client = await staff.clients.create({
    kind: 'individual',
    name: options.clientName ?? 'Léa Martin',
  });
  const task = await staff.tasks.create({
    title: `${options.service} job`,
    clientId: client.id,
    service: options.service,
    coverage: options.coverage ?? ['hood'],
    technicianId: options.technicianId,
    scheduledStart: '2026-11-26T08:00:00Z',
  });
  return staff.interventions.start(task.id);
}
