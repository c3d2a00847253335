/**
 * The part of `jose` the engine uses for access tokens (JWT), fetched when the first token is
 * issued or verified (sign-in). It is its own module so that a dynamic `import()` of it becomes a
 * chunk holding only these exports (a dynamic import of the package itself would keep all of it);
 * nothing imports it statically.
 *
 * @example
 * ```ts
 * const { jwtVerify } = await import('./jwt-library.js');
 * ```
 */
export { jwtVerify, SignJWT } from 'jose';
