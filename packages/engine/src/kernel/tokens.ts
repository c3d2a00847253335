/**
 * Service identifiers of the engine's inversify container. A host replaces any binding by
 * passing a `ContainerModule` in `createEngine({ modules })` that calls `rebind(TOKEN)`.
 *
 * @example
 * ```ts
 * const quiet = new ContainerModule(({ rebind }) => {
 *   rebind<Logger>(TOKENS.Logger).toConstantValue(silentLogger);
 * });
 * const engine = await createEngine({ modules: [quiet] });
 * ```
 */
export const TOKENS = {
  /** {@link StorageAdapter}, already opened with the engine schema. */
  Storage: Symbol.for('rpma.Storage'),
  /** {@link Clock}. */
  Clock: Symbol.for('rpma.Clock'),
  /** {@link IdGenerator}. */
  Ids: Symbol.for('rpma.Ids'),
  /** {@link EventBus}. */
  Events: Symbol.for('rpma.Events'),
  /** {@link Logger}. */
  Logger: Symbol.for('rpma.Logger'),
  /** The resolved {@link EngineOptions}. */
  Options: Symbol.for('rpma.Options'),
  /** {@link StoreSchema}: every collection the engine's modules declare (multi-bound, one per module). */
  Collections: Symbol.for('rpma.Collections'),
  /** Every command and query (`AnyOperation`), multi-bound: one binding per operation (`registerOperations`). */
  Commands: Symbol.for('rpma.Commands'),
  /** `Resolve`: `(token) => container.get(token)`, for command bodies (`ctx.get`). */
  Resolve: Symbol.for('rpma.Resolve'),
  /** `TrashHandler`, multi-bound: one per collection the trash covers (restore/purge hooks). */
  Trashable: Symbol.for('rpma.Trashable'),
  /** `WorkflowPlugin`, multi-bound: one binding per plugin version (`createEngine({ workflows })` or `workflowModule`). */
  Workflows: Symbol.for('rpma.Workflows'),
  /** `() => Promise<void>`, multi-bound: run once by `createEngine` after the store opened (the timer ticker starts here). */
  Startup: Symbol.for('rpma.Startup'),
  /** `PasswordHasher` (argon2id): passwords and backup codes. */
  PasswordHasher: Symbol.for('rpma.PasswordHasher'),
  /** `PrincipalVerifier`: the command runner re-checks a session-backed principal with it on every call. */
  PrincipalVerifier: Symbol.for('rpma.PrincipalVerifier'),
  /** `SecretVault`: the AES-256-GCM box for secrets at rest (TOTP seeds), keyed by `options.secrets.key`. */
  SecretVault: Symbol.for('rpma.SecretVault'),
  /** `AccessTokens`: signs and verifies access tokens (JWT, HS256). */
  AccessTokens: Symbol.for('rpma.AccessTokens'),
  /** `BlobStore`: where photo bytes are kept. */
  BlobStore: Symbol.for('rpma.BlobStore'),
  /** `ImageProcessor`: decodes photos and makes thumbnails. */
  ImageProcessor: Symbol.for('rpma.ImageProcessor'),
} as const;
