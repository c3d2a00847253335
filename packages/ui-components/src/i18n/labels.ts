import { msg } from '@lit/localize';
import type { Role } from '@rpma/engine';

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
