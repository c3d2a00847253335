import { msg } from '@lit/localize';
import type { PAINT_TYPES, PRIORITIES, Role } from '@rpma/engine';
import type { TaskStatus } from '../engine-types.js';

/**
 * The localised name of a role.
 *
 * @example
 * ```ts
 * roleLabel('technician'); // 'Technician' / 'Technicien'
 * ```
 */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('Administrator');
    case 'supervisor':
      return msg('Supervisor');
    case 'technician':
      return msg('Technician');
    default:
      return msg('Viewer');
  }
}

/**
 * The localised name of a client kind.
 *
 * @example
 * ```ts
 * clientKindLabel('business'); // 'Business' / 'Entreprise'
 * ```
 */
export function clientKindLabel(kind: 'individual' | 'business'): string {
  return kind === 'business'
    ? msg('Business', { id: 'client-kind-business' })
    : msg('Individual', { id: 'client-kind-individual' });
}

/**
 * The localised name of a paint type.
 *
 * @example
 * ```ts
 * paintTypeLabel('metallic'); // 'Metallic' / 'Métallisée'
 * ```
 */
export function paintTypeLabel(paint: (typeof PAINT_TYPES)[number]): string {
  switch (paint) {
    case 'solid':
      return msg('Solid', { id: 'paint-solid' });
    case 'metallic':
      return msg('Metallic', { id: 'paint-metallic' });
    case 'pearl':
      return msg('Pearl', { id: 'paint-pearl' });
    case 'matte':
      return msg('Matte', { id: 'paint-matte' });
    case 'satin':
      return msg('Satin', { id: 'paint-satin' });
    default:
      return msg('Other', { id: 'paint-other' });
  }
}

/**
 * The localised name of a task priority.
 *
 * @example
 * ```ts
 * priorityLabel('urgent'); // 'Urgent' / 'Urgente'
 * ```
 */
export function priorityLabel(priority: (typeof PRIORITIES)[number]): string {
  switch (priority) {
    case 'low':
      return msg('Low', { id: 'priority-low' });
    case 'high':
      return msg('High', { id: 'priority-high' });
    case 'urgent':
      return msg('Urgent', { id: 'priority-urgent' });
    default:
      return msg('Normal', { id: 'priority-normal' });
  }
}

/**
 * Task statuses in the order the views show them (the engine's status table decides which
 * moves are allowed; views only order and name them).
 *
 * @example
 * ```ts
 * TASK_STATUS_ORDER[0]; // 'draft'
 * ```
 */
export const TASK_STATUS_ORDER: readonly TaskStatus[] = [
  'draft',
  'scheduled',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'archived',
];

/**
 * The localised name of a task status.
 *
 * @example
 * ```ts
 * statusLabel('in_progress'); // 'In progress' / 'En cours'
 * ```
 */
export function statusLabel(status: TaskStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft');
    case 'scheduled':
      return msg('Scheduled');
    case 'in_progress':
      return msg('In progress');
    case 'on_hold':
      return msg('On hold');
    case 'completed':
      return msg('Completed');
    case 'cancelled':
      return msg('Cancelled');
    default:
      return msg('Archived');
  }
}

/**
 * The localised name of a vehicle zone or panel (the ids tasks and workflows use); an id it
 * does not know is shown as is.
 *
 * @example
 * ```ts
 * zoneLabel('hood'); // 'Hood' / 'Capot'
 * ```
 */
export function zoneLabel(zone: string): string {
  return knownZoneLabel(zone) ?? zone;
}

/**
 * The localised name of a zone id this package knows, else undefined.
 *
 * @example
 * ```ts
 * knownZoneLabel('roof'); // 'Roof' / 'Toit'
 * knownZoneLabel('glassCount'); // undefined
 * ```
 */
export function knownZoneLabel(zone: string): string | undefined {
  const labels: Record<string, () => string> = {
    hood: () => msg('Hood'),
    front_bumper: () => msg('Front bumper'),
    rear_bumper: () => msg('Rear bumper'),
    bumper: () => msg('Bumper'),
    fenders: () => msg('Fenders'),
    front_fenders: () => msg('Front fenders'),
    fender_left: () => msg('Front fender, left', { id: 'zone-fender-left' }),
    fender_right: () => msg('Front fender, right', { id: 'zone-fender-right' }),
    mirror_left: () => msg('Mirror, left', { id: 'zone-mirror-left' }),
    mirror_right: () => msg('Mirror, right', { id: 'zone-mirror-right' }),
    rocker_left: () => msg('Rocker panel, left', { id: 'zone-rocker-left' }),
    rocker_right: () => msg('Rocker panel, right', { id: 'zone-rocker-right' }),
    mirrors: () => msg('Mirrors'),
    rocker_panels: () => msg('Rocker panels'),
    a_pillars: () => msg('A-pillars'),
    headlights: () => msg('Headlights'),
    roof: () => msg('Roof'),
    doors: () => msg('Doors'),
    full_front: () => msg('Full front'),
    full_body: () => msg('Full body'),
  };
  return labels[zone]?.();
}

/**
 * The localised name of a step a workflow plugin declares, for the usual step ids; any other
 * step shows the plugin's own title.
 *
 * @example
 * ```ts
 * stepLabel('preparation', 'Preparation'); // 'Préparation' in French
 * ```
 */
export function stepLabel(stepId: string, title: string): string {
  switch (stepId) {
    case 'inspection':
      return msg('Inspection');
    case 'preparation':
      return msg('Preparation');
    case 'installation':
      return msg('Installation');
    case 'application':
      return msg('Application');
    case 'curing':
      return msg('Curing');
    case 'finalization':
      return msg('Finalization');
    default:
      return title;
  }
}
