/**
 * Finds the first value under `value` that JSON cannot store faithfully (a function, a class
 * instance such as a Date or Map, undefined inside an array, a non-finite number, a bigint,
 * a symbol, a cycle) and describes where it is; undefined when the whole value is JSON-safe.
 *
 * @example
 * ```ts
 * findJsonProblem({ context: { at: new Date() } }, 'snapshot'); // 'snapshot.context.at is a Date'
 * ```
 */
export function findJsonProblem(
  value: unknown,
  path: string,
  seen: Set<object> = new Set(),
): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (seen.has(value)) return `${path} is a cycle`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        if (item === undefined) return `${path}[${i}] is undefined`;
        const problem = findJsonProblem(item, `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      return `${path} is a ${(value as object).constructor?.name ?? 'class instance'}`;
    }
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const problem = findJsonProblem(item, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}
