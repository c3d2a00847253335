/**
 * The bodies of the material and stock operations, and the stock-ledger functions the package
 * exports, as one module loaded on the first of those calls (`lazyModule` in each definitions
 * file and in `stock-ledger.ts`), so that the area is one chunk fetched once.
 *
 * @example
 * ```ts
 * const bodies = lazyModule('stock operations', () => import('../stock/inventory-bodies.js'));
 * ```
 */
export * from '../materials/material-bodies.js';
export * from './lot-tracing-body.js';
export * from './stock-bodies.js';
export {
  applyMovement,
  lotByNumber,
  materialBySku,
  onHand,
  recordConsumption,
} from './stock-ledger-rules.js';
export * from './stock-query-bodies.js';
