/**
 * Where the engine reports what it cannot throw (a failed post-commit action, a timer that
 * could not fire). Hosts bind their own.
 *
 * @example
 * ```ts
 * const logger: Logger = { debug() {}, info: console.info, warn: console.warn, error: console.error };
 * ```
 */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/**
 * A logger that prints nothing; the default, so an embedded engine stays quiet.
 *
 * @example
 * ```ts
 * createEngine({ logger: silentLogger });
 * ```
 */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/**
 * A logger that writes to the console, with the engine's name in front.
 *
 * @example
 * ```ts
 * createEngine({ logger: consoleLogger });
 * ```
 */
export const consoleLogger: Logger = {
  debug: (m, d) => console.debug(`[rpma] ${m}`, d ?? ''),
  info: (m, d) => console.info(`[rpma] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[rpma] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[rpma] ${m}`, d ?? ''),
};
