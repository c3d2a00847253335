/**
 * The part of `hash-wasm` the engine uses for password hashing (argon2id), fetched on the first
 * hash or verify (sign-in, password change). It is its own module so that a dynamic `import()` of
 * it becomes a chunk holding only these exports (a dynamic import of the package itself would keep
 * all of it); nothing imports it statically.
 *
 * @example
 * ```ts
 * const { argon2id } = await import('./argon2-library.js');
 * ```
 */
export { argon2id, argon2Verify } from 'hash-wasm';
