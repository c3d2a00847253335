/**
 * The part of `otpauth` the engine uses for TOTP codes, fetched at the first 2FA enrolment or code
 * check. It is its own module so that a dynamic `import()` of it becomes a chunk holding only
 * these exports (a dynamic import of the package itself would keep all of it); nothing imports it
 * statically.
 *
 * @example
 * ```ts
 * const { Secret } = await import('./totp-library.js');
 * ```
 */
export { Secret, TOTP } from 'otpauth';
