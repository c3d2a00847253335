import { EngineError } from '../kernel/engine-error.js';
import type { OrderBy, Scalar } from './contract.js';

/**
 * Opaque keyset cursors for `find`: the sort-key values of the last item of a page, for a
 * total order (the query's keys then `id`), tied to the sort order that produced them so a cursor cannot be replayed against
 * another order. Encoded as base64url JSON; adapters must treat them as opaque.
 *
 * @example
 * ```ts
 * const keys = [{ field: 'scheduledAt' }, { field: 'id' }];
 * const cursor = encodeCursor(keys, [last.scheduledAt, last.id]);
 * const values = decodeCursor('tasks', keys, cursor); // [scheduledAt, id]
 * ```
 */

/**
 * A short text naming a sort order, compared when a cursor is decoded.
 *
 * @example
 * ```ts
 * orderSignature([{ field: 'name' }]); // 'name:asc'
 * ```
 */
export function orderSignature(orderBy: readonly OrderBy[]): string {
  return orderBy.map((key) => `${key.field}:${key.direction ?? 'asc'}`).join(',');
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Encodes the sort-key values of the last item of a page, one per key of `orderBy`.
 *
 * @example
 * ```ts
 * encodeCursor([{ field: 'name' }, { field: 'id' }], ['Léa', '0190…']);
 * ```
 */
export function encodeCursor(orderBy: readonly OrderBy[], values: readonly Scalar[]): string {
  return toBase64Url(JSON.stringify({ o: orderSignature(orderBy), v: values }));
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same sort order. A malformed cursor or
 * one from another order is refused with `UNSUPPORTED_QUERY`.
 *
 * @example
 * ```ts
 * const [name, id] = decodeCursor('clients', [{ field: 'name' }, { field: 'id' }], query.after);
 * ```
 */
export function decodeCursor(collection: string, orderBy: readonly OrderBy[], cursor: string): Scalar[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch (cause) {
    throw new EngineError('UNSUPPORTED_QUERY', `'${collection}': malformed cursor`, {
      details: { collection },
      cause,
    });
  }
  const signature = orderSignature(orderBy);
  const shape = parsed as { o?: unknown; v?: unknown };
  const values = shape.v;
  if (
    shape.o !== signature ||
    !Array.isArray(values) ||
    values.length !== orderBy.length ||
    !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  ) {
    throw new EngineError(
      'UNSUPPORTED_QUERY',
      `'${collection}': the cursor does not belong to this query's order (${signature})`,
      {
        details: { collection, order: signature },
      },
    );
  }
  return values as Scalar[];
}
