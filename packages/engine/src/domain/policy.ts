import { ROLES, type Role } from './principal.js';

/**
 * What a role may do with one command or query:
 * - `'allow'`: always;
 * - `'deny'`: never (the runner refuses with `FORBIDDEN` before even parsing the input);
 * - `{ assigned: true, fields? }`: only on an entity assigned to the principal (the command's
 *   `ownership.assignee` names who that is), and, when `fields` is given, only when every field
 *   the input changes (the command's `ownership.fields`) is in that list.
 *
 * @example
 * ```ts
 * const grant: Grant = { assigned: true, fields: ['notes', 'checklist'] };
 * ```
 */
export type Grant = 'allow' | 'deny' | AssignedGrant;

/** A grant limited to entities assigned to the principal, and optionally to some fields. */
export interface AssignedGrant {
  readonly assigned: true;
  readonly fields?: readonly string[];
}

/**
 * One row of the policy table: a grant for each role.
 *
 * @example
 * ```ts
 * const row: PolicyRow = { admin: 'allow', supervisor: 'allow', technician: 'deny', viewer: 'deny' };
 * ```
 */
export type PolicyRow = Readonly<Record<Role, Grant>>;

/**
 * A row allowing `role` and every stronger role, denying the weaker ones.
 *
 * @example
 * ```ts
 * atLeast('supervisor'); // { admin: 'allow', supervisor: 'allow', technician: 'deny', viewer: 'deny' }
 * ```
 */
export function atLeast(role: Role): PolicyRow {
  const limit = ROLES.indexOf(role);
  return Object.fromEntries(ROLES.map((r, i) => [r, i <= limit ? 'allow' : 'deny'])) as PolicyRow;
}

/**
 * A row for commands on tasks: supervisors and admins always, a technician only on a task
 * assigned to them (and only on `fields`, when given), a viewer never.
 *
 * @example
 * ```ts
 * const row = assignedTechnician(['notes']);
 * row.technician; // { assigned: true, fields: ['notes'] }
 * ```
 */
export function assignedTechnician(fields?: readonly string[]): PolicyRow {
  const grant: AssignedGrant = fields ? { assigned: true, fields } : { assigned: true };
  return { ...atLeast('supervisor'), technician: grant };
}

/** Fields of a task a technician may change on a task assigned to them. */
export const TECHNICIAN_TASK_FIELDS: readonly string[] = [
  'notes',
  'checklist',
  'filmLot',
  'actualDurationMinutes',
];

const read = atLeast('viewer');
const staff = atLeast('supervisor');
const admin = atLeast('admin');

/**
 * THE policy table: every command and query of the engine, by name, with a grant per role
 * (admin > supervisor > technician > viewer). A name with no row is refused for everyone, and
 * the policy matrix test fails for any registered command without a row. Reads are allowed
 * to viewers; purge, settings changes and audit reads beyond supervisors are admin-only.
 *
 * Modules add their rows here, grouped by area.
 *
 * @example
 * ```ts
 * POLICY['clients.create'].technician; // 'deny'
 * ```
 */
export const POLICY: Readonly<Record<string, PolicyRow>> = {
  // clients
  'clients.create': staff,
  'clients.update': staff,
  'clients.delete': staff,
  'clients.get': read,
  'clients.list': read,
  'clients.search': read,
  // vehicles
  'vehicles.create': staff,
  'vehicles.update': staff,
  'vehicles.delete': staff,
  'vehicles.get': read,
  'vehicles.list': read,
  'vehicles.history': read,
  // tasks
  'tasks.create': staff,
  'tasks.update': assignedTechnician(TECHNICIAN_TASK_FIELDS),
  'tasks.changeStatus': assignedTechnician(),
  'tasks.delay': staff,
  'tasks.delete': staff,
  'tasks.get': read,
  'tasks.page': read,
  'tasks.countByStatus': read,
  // audit
  'audit.query': staff,
  // trash
  'trash.list': staff,
  'trash.restore': staff,
  'trash.purge': admin,
  // settings
  'settings.get': read,
  'settings.update': admin,
  // outbox
  'outbox.pending': admin,
  'outbox.ack': admin,
  // users: staff create (a supervisor only technicians and viewers), admins change roles,
  // disable, reset and unlock; everyone reads and edits their own profile and password
  'users.create': staff,
  'users.get': staff,
  'users.list': staff,
  'users.update': admin,
  'users.changeRole': admin,
  'users.setDisabled': admin,
  'users.resetPassword': admin,
  'users.unlock': admin,
  'users.resetTwoFactor': admin,
  'users.me': read,
  'users.updateProfile': read,
  'users.changePassword': read,
  // sessions: your own; an admin anyone's (checked in the command)
  'sessions.list': read,
  'sessions.revoke': read,
  // two-factor: each user on their own account
  'twoFactor.status': read,
  'twoFactor.begin': read,
  'twoFactor.confirm': read,
  'twoFactor.disable': read,
  'twoFactor.regenerateBackupCodes': read,
  // sign-in, run by engine.auth as the user signing in (or 'anonymous' for an unknown email)
  'auth.bootstrap': admin,
  'auth.login': read,
  'auth.loginFailed': read,
  'auth.refresh': read,
  'auth.logout': read,
  'auth.expire': read,
  // interventions: a technician runs the workflow only on tasks assigned to them; timers fire as the system (admin)
  'interventions.start': assignedTechnician(),
  'interventions.send': assignedTechnician(),
  'interventions.pause': assignedTechnician(),
  'interventions.resume': assignedTechnician(),
  'interventions.cancel': staff,
  'interventions.fireTimer': admin,
  'interventions.migrate': admin,
  'interventions.get': read,
  'interventions.progress': read,
  'interventions.history': read,
  'interventions.report': read,
  'interventions.listActive': read,
  // materials and stock: technicians record what they use, on their own jobs; adjustments are supervisor+
  'materials.create': staff,
  'materials.update': staff,
  'materials.delete': staff,
  'materials.get': read,
  'materials.list': read,
  'stock.purchase': staff,
  'stock.consume': assignedTechnician(),
  'stock.waste': atLeast('technician'),
  'stock.return': atLeast('technician'),
  'stock.adjust': staff,
  'stock.transfer': staff,
  'stock.levels': read,
  'stock.lowStock': read,
  'stock.onHand': read,
  'stock.lots': read,
  'stock.history': read,
  'stock.consumption': read,
  'stock.valuation': staff,
  'stock.traceLot': read,
  'stock.traceVehicle': read,
  // photos: technicians take them on interventions assigned to them; deleting is supervisor+
  'photos.upload': assignedTechnician(),
  'photos.delete': staff,
  'photos.get': read,
  'photos.list': read,
  'photos.content': read,
  'photos.verify': read,
  // calendar: a technician books, moves and cancels only their own events, and never overrides
  'calendar.create': assignedTechnician([
    'kind',
    'title',
    'start',
    'end',
    'technicianId',
    'bayId',
    'taskId',
    'recurrence',
    'notes',
  ]),
  'calendar.reschedule': assignedTechnician(['start', 'end', 'bayId', 'recurrence']),
  'calendar.update': assignedTechnician(['title', 'notes']),
  'calendar.cancel': assignedTechnician(['reason']),
  'calendar.cancelOccurrence': assignedTechnician(['occurrenceStart']),
  'calendar.delete': staff,
  'calendar.scheduleTask': staff,
  'calendar.get': read,
  'calendar.list': read,
  'calendar.checkConflicts': read,
  // csv: bulk reads and writes of clients and tasks
  'csv.exportClients': staff,
  'csv.exportTasks': staff,
  'csv.importClients': staff,
  'csv.importTasks': staff,
};

/**
 * The grant of `role` for the command or query `name`; `'deny'` when the table has no row.
 *
 * @example
 * ```ts
 * grantFor('trash.purge', 'supervisor'); // 'deny'
 * ```
 */
export function grantFor(name: string, role: Role): Grant {
  const row = Object.hasOwn(POLICY, name) ? POLICY[name] : undefined;
  return row?.[role] ?? 'deny';
}
