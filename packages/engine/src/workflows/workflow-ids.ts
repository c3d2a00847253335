import type { Principal } from '../domain/principal.js';

/**
 * The container binding of the {@link WorkflowRegistry} (command bodies reach it with `ctx.get`).
 *
 * @example
 * ```ts
 * const registry = ctx.get<WorkflowRegistry>(WORKFLOW_REGISTRY);
 * ```
 */
export const WORKFLOW_REGISTRY: symbol = Symbol.for('rpma.WorkflowRegistry');

/**
 * Who durable timers fire as: the engine itself, recorded as such in the audit log.
 *
 * @example
 * ```ts
 * await runner.execute(TIMER_PRINCIPAL, fireTimer, { timerId });
 * ```
 */
export const TIMER_PRINCIPAL: Principal = Object.freeze({
  userId: 'system:timers',
  role: 'admin',
  displayName: 'Workflow timers',
});
