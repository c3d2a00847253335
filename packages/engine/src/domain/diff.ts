/**
 * One changed field: its value before and after (null when absent).
 *
 * @example
 * ```ts
 * const change: FieldChange = { before: 'Lea', after: 'Léa' };
 * ```
 */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** Fields every document carries that a diff leaves out: they change on every write. */
const IGNORED = new Set(['rev', 'updatedAt']);

/**
 * Structural equality of JSON values (objects compared key by key, whatever the key order).
 *
 * @example
 * ```ts
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 * ```
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!jsonEqual(ra[key], rb[key])) return false;
  return true;
}

/**
 * The top-level fields that differ between two versions of a document, with before/after
 * values. `undefined` and `null` count as the same (absent). `rev` and `updatedAt` are left out.
 *
 * @example
 * ```ts
 * fieldDiff({ name: 'Lea', phone: '1' }, { name: 'Léa', phone: '1' });
 * // { name: { before: 'Lea', after: 'Léa' } }
 * ```
 */
export function fieldDiff(beforeDoc: object | null, afterDoc: object | null): Record<string, FieldChange> {
  const before = beforeDoc as Readonly<Record<string, unknown>> | null;
  const after = afterDoc as Readonly<Record<string, unknown>> | null;
  const diff: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (!jsonEqual(b, a)) diff[key] = { before: b, after: a };
  }
  return diff;
}
