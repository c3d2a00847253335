import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';

export type { ConsumptionRecord, MovementDraft } from './stock-ledger-rules.js';

const bodies = lazyModule('stock operations', () => import('./inventory-bodies.js'));

/**
 * Stock on hand: the sum of the movements matching `where` (a material, a lot) — `onHand` of
 * `stock-ledger-rules.ts`, loaded with the stock bodies on the first call.
 *
 * @example
 * ```ts
 * const left = await onHand(ctx.tx, { lotId: lot.id });
 * ```
 */
export const onHand = lazyBody(bodies, 'onHand');

/**
 * Applies one stock movement (the only way stock changes) inside the caller's command
 * transaction, refusing one that would go below zero unless negative stock is allowed — `applyMovement` of `stock-ledger-rules.ts`, loaded
 * with the stock bodies on the first call.
 *
 * @example
 * ```ts
 * await applyMovement(ctx, { materialId: film.id, lotId: roll.id, kind: 'waste', quantity: -0.4, reason: 'creased' });
 * ```
 */
export const applyMovement = lazyBody(bodies, 'applyMovement');

/**
 * Records material used (or wasted) by an intervention step inside the caller's command
 * transaction (SKU and lot number resolved, then {@link applyMovement}) —
 * `recordConsumption` of `stock-ledger-rules.ts`, loaded with the stock bodies on the first call.
 *
 * @example
 * ```ts
 * await recordConsumption(ctx, { ...consumption, interventionId: run.id, stepId: step.id, taskId: run.taskId });
 * ```
 */
export const recordConsumption = lazyBody(bodies, 'recordConsumption');

/**
 * The live material of a SKU (`NOT_FOUND` otherwise) — `materialBySku` of
 * `stock-ledger-rules.ts`, loaded with the stock bodies on the first call.
 *
 * @example
 * ```ts
 * const film = await materialBySku(ctx.tx, 'PPF-XPEL-60');
 * ```
 */
export const materialBySku = lazyBody(bodies, 'materialBySku');

/**
 * The lot of `material` with this lot number, or `NOT_FOUND` — `lotByNumber` of `stock-ledger-rules.ts`, loaded with
 * the stock bodies on the first call.
 *
 * @example
 * ```ts
 * const roll = await lotByNumber(ctx.tx, film, 'R-2026-118');
 * ```
 */
export const lotByNumber = lazyBody(bodies, 'lotByNumber');
