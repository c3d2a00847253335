import { EngineError } from '../kernel/engine-error.js';

/**
 * Why an upload was refused before anything was stored. Carried in `details.reason` of the
 * `EngineError('VALIDATION')` the photo checks throw.
 *
 * @example
 * ```ts
 * if (isEngineError(err, 'VALIDATION') && err.details.reason === 'TOO_MANY_PIXELS') warnBomb();
 * ```
 */
export type PhotoRefusalReason =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'UNKNOWN_TYPE'
  | 'TRUNCATED'
  | 'MALFORMED'
  | 'TOO_MANY_PIXELS'
  | 'POLYGLOT'
  | 'UNDECODABLE';

/**
 * Builds the error for a refused upload: code `VALIDATION`, `details.reason` set.
 *
 * @example
 * ```ts
 * throw refusePhoto('TRUNCATED', 'the JPEG has no end-of-image marker');
 * ```
 */
export function refusePhoto(
  reason: PhotoRefusalReason,
  message: string,
  details: Record<string, unknown> = {},
): EngineError {
  return new EngineError('VALIDATION', `photo refused (${reason}): ${message}`, {
    details: { reason, ...details },
  });
}
