/**
 * Every failure that leaves a public API of the engine is an {@link EngineError}.
 *
 * @example
 * ```ts
 * try {
 *   await shop.tasks.update(id, { title: '' });
 * } catch (err) {
 *   if (err instanceof EngineError && err.code === 'VALIDATION') showFieldErrors(err.details);
 * }
 * ```
 */
export type EngineErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'PRECONDITION'
  | 'STORAGE'
  | 'LOCKED'
  | 'UNSUPPORTED_QUERY'
  | 'RATE_LIMITED'
  | 'INTERNAL';

/**
 * The one error class of the engine: a machine-readable `code`, a human message,
 * structured `details` (for example validation issues by path) and the underlying `cause`.
 *
 * @example
 * ```ts
 * throw new EngineError('NOT_FOUND', `client ${id} does not exist`, { details: { id } });
 * ```
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: EngineErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  /** A plain object, safe to send over postMessage or log as JSON. */
  toJSON(): { name: string; code: EngineErrorCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Narrows an unknown thrown value to an {@link EngineError}, optionally of one code.
 *
 * @example
 * ```ts
 * if (isEngineError(err, 'CONFLICT')) reloadAndRetry();
 * ```
 */
export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code);
}

/**
 * Wraps any thrown value so that only an {@link EngineError} leaves a public API.
 * An `EngineError` passes through unchanged; anything else becomes `fallback` with it as `cause`.
 *
 * @example
 * ```ts
 * catch (err) { throw toEngineError(err, 'STORAGE', 'could not append to the journal'); }
 * ```
 */
export function toEngineError(value: unknown, fallback: EngineErrorCode, message: string): EngineError {
  if (value instanceof EngineError) return value;
  const reason = value instanceof Error ? value.message : String(value);
  return new EngineError(fallback, `${message}: ${reason}`, { cause: value });
}
