import { auditOperations } from '../audit/audit-queries.js';
import { twoFactorOperations } from '../auth/two-factor-commands.js';
import { calendarOperations } from '../calendar/calendar-module.js';
import { clientOperations } from '../clients/client-operations.js';
import { CsvApi } from '../csv/csv-api.js';
import type { AnyOperation } from '../domain/command.js';
import type { CommandRunner } from '../domain/command-runner.js';
import { bindOperations, type OperationsApi } from '../domain/operations-api.js';
import type { Principal } from '../domain/principal.js';
import { materialOperations } from '../materials/material-operations.js';
import { outboxOperations } from '../outbox/outbox-operations.js';
import { photoOperations } from '../photos/photo-operations.js';
import { sessionOperations } from '../sessions/session-commands.js';
import { settingsOperations } from '../settings/settings-service.js';
import { stockOperations } from '../stock/inventory-module.js';
import { taskOperations } from '../tasks/tasks-module.js';
import { trashOperations } from '../trash/trash-operations.js';
import { userOperations } from '../users/user-operations.js';
import { vehicleOperations } from '../vehicles/vehicle-operations.js';
import { InterventionsApi } from '../workflows/interventions-api.js';

/**
 * What `engine.as(principal)` returns: every service of the shop, each call authorised for
 * that principal and run through the command path. One section per area; a module adds its
 * section as a getter calling `this.section(key, operations)`.
 *
 * @example
 * ```ts
 * const shop = engine.as(engine.auth.trust({ userId: 'u-1', role: 'supervisor' }));
 * const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
 * ```
 */
export class Shop {
  private readonly sections = new Map<string, unknown>();

  constructor(
    private readonly runner: CommandRunner,
    readonly principal: Principal,
  ) {}

  /** Clients: individuals and businesses, search, derived stats. */
  get clients(): OperationsApi<typeof clientOperations> {
    return this.section('clients', clientOperations);
  }

  /** Vehicles of clients, with VIN checks and task history. */
  get vehicles(): OperationsApi<typeof vehicleOperations> {
    return this.section('vehicles', vehicleOperations);
  }

  /** Tasks (jobs): numbering, status table, delays, queries, counts. */
  get tasks(): OperationsApi<typeof taskOperations> {
    return this.section('tasks', taskOperations);
  }

  /** Soft-deleted documents: list, restore, purge (admin). */
  get trash(): OperationsApi<typeof trashOperations> {
    return this.section('trash', trashOperations);
  }

  /** Organisation settings (changes: admin only). */
  get settings(): OperationsApi<typeof settingsOperations> {
    return this.section('settings', settingsOperations);
  }

  /** Audit records by entity, actor, time. */
  get audit(): OperationsApi<typeof auditOperations> {
    return this.section('audit', auditOperations);
  }

  /** The sync outbox: pending records and acknowledgement. */
  get outbox(): OperationsApi<typeof outboxOperations> {
    return this.section('outbox', outboxOperations);
  }

  /** The calendar: appointments, bay bookings, time off; views, conflict checks, scheduling a task. */
  get calendar(): OperationsApi<typeof calendarOperations> {
    return this.section('calendar', calendarOperations);
  }

  /** CSV exports and imports of clients and tasks (imports in chunks; every row all-or-nothing). */
  get csv(): CsvApi {
    let api = this.sections.get('csv') as CsvApi | undefined;
    if (!api) {
      api = new CsvApi(this.runner, this.principal);
      this.sections.set('csv', api);
    }
    return api;
  }

  /** Materials: SKU, type, unit, reorder point, cost, supplier. */
  get materials(): OperationsApi<typeof materialOperations> {
    return this.section('materials', materialOperations);
  }

  /** Stock: movements (the only way stock changes), levels, lots, history, consumption, valuation, lot tracing. */
  get stock(): OperationsApi<typeof stockOperations> {
    return this.section('stock', stockOperations);
  }

  /** Workflow runs on tasks: start, send events, pause/resume/cancel, progress, history, report. */
  get interventions(): InterventionsApi {
    let api = this.sections.get('interventions') as InterventionsApi | undefined;
    if (!api) {
      api = new InterventionsApi(this.runner, this.principal);
      this.sections.set('interventions', api);
    }
    return api;
  }

  /** Users: create, roles, disable, reset, unlock (admins); own profile and password (everyone). */
  get users(): OperationsApi<typeof userOperations> {
    return this.section('users', userOperations);
  }

  /** Login sessions: list and revoke your own (admins: anyone's). */
  get sessions(): OperationsApi<typeof sessionOperations> {
    return this.section('sessions', sessionOperations);
  }

  /** Two-factor authentication of your own account: TOTP enrolment, backup codes. */
  get twoFactor(): OperationsApi<typeof twoFactorOperations> {
    return this.section('twoFactor', twoFactorOperations);
  }

  /** Photos of intervention steps: checked uploads, thumbnails, integrity checks. */
  get photos(): OperationsApi<typeof photoOperations> {
    return this.section('photos', photoOperations);
  }

  /** Binds a group of operations to this principal, once per section. */
  protected section<C extends Record<string, AnyOperation>>(key: string, operations: C): OperationsApi<C> {
    let api = this.sections.get(key) as OperationsApi<C> | undefined;
    if (!api) {
      api = bindOperations(this.runner, this.principal, operations);
      this.sections.set(key, api);
    }
    return api;
  }
}
