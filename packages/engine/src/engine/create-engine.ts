import { Container, type ContainerModule, type ServiceIdentifier } from 'inversify';
import type { AccessTokenConfig } from '../auth/access-tokens.js';
import { authModule } from '../auth/auth-module.js';
import { AuthService } from '../auth/auth-service.js';
import { calendarModule } from '../calendar/calendar-module.js';
import { clientsModule } from '../clients/clients-module.js';
import type { SecretKeyInput } from '../crypto/secret-box.js';
import { csvModule } from '../csv/csv-module.js';
import type { AnyOperation } from '../domain/command.js';
import { CommandRunner, type Resolve } from '../domain/command-runner.js';
import { domainModule } from '../domain/domain-module.js';
import type { Principal } from '../domain/principal.js';
import { type Clock, isoNow, systemClock } from '../kernel/clock.js';
import { EngineError, toEngineError } from '../kernel/engine-error.js';
import { EventBus } from '../kernel/events.js';
import { type IdGenerator, uuidv7Generator } from '../kernel/ids.js';
import { type Logger, silentLogger } from '../kernel/logger.js';
import { TOKENS } from '../kernel/tokens.js';
import { photosModule } from '../photos/photos-module.js';
import { settingsModule } from '../settings/settings-module.js';
import { inventoryModule } from '../stock/inventory-module.js';
import type { CollectionSchema, StorageAdapter } from '../storage/contract.js';
import { tasksModule } from '../tasks/tasks-module.js';
import { trashModule } from '../trash/trash-module.js';
import { vehiclesModule } from '../vehicles/vehicles-module.js';
import type { WorkflowPlugin } from '../workflows/contract.js';
import { WorkflowRuntime } from '../workflows/workflow-runtime.js';
import { workflowsModule } from '../workflows/workflows-module.js';
import { Shop } from './shop.js';

/**
 * What `createEngine` takes. Only `storage` is required.
 *
 * @example
 * ```ts
 * const options: EngineOptions = { storage: sqljsStorage(), clock: new FakeClock('2026-03-01T08:00:00Z') };
 * ```
 */
export interface EngineOptions {
  /** The storage adapter; the engine opens it with the schema its modules declare. */
  storage: StorageAdapter;
  /** inversify modules loaded after the engine's own: they add bindings or `rebind` ours. */
  modules?: ContainerModule[];
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /**
   * The host's AES-256 key (32 bytes or an AES-GCM `CryptoKey`) encrypting secrets at rest (TOTP
   * seeds). Without it, 2FA enrolment is refused: secrets are never stored in the clear.
   */
  secrets?: { key: SecretKeyInput };
  /** Access tokens: the HS256 key (≥ 32 bytes; random per engine when absent), issuer, audience, lifetime. */
  auth?: AccessTokenConfig;
  /** Workflow plugins (several versions of one id may be given); each is checked at start-up. */
  workflows?: WorkflowPlugin[];
  /** How often (ms) the durable-timer ticker looks for due timers; 0 turns the interval off. Default 30 000. */
  timerIntervalMs?: number;
}

/**
 * A running engine: its container, event bus and storage. Domain services hang off it.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: sqljsStorage() });
 * engine.events.on('engine.closed', () => console.log('bye'));
 * await engine.close();
 * ```
 */
export class Engine {
  private closed = false;

  constructor(readonly container: Container) {}

  /** The typed event bus. */
  get events(): EventBus {
    return this.container.get<EventBus>(TOKENS.Events);
  }

  /** The opened storage adapter. */
  get storage(): StorageAdapter {
    return this.container.get<StorageAdapter>(TOKENS.Storage);
  }

  /** The engine's clock. */
  get clock(): Clock {
    return this.container.get<Clock>(TOKENS.Clock);
  }

  /**
   * The shop's services as `principal`: every call is authorised by the policy table and runs
   * through the command path. Principals come from `engine.auth`.
   *
   * @example
   * ```ts
   * const shop = engine.as(engine.auth.trust({ userId: 'u-1', role: 'technician' }));
   * ```
   */
  as(principal: Principal): Shop {
    return new Shop(this.container.get(CommandRunner), principal);
  }

  /** Where principals come from: `trust` for hosts with their own sign-in (and login, sessions…). */
  get auth(): AuthService {
    return this.container.get(AuthService);
  }

  /** The workflow plugins and the durable-timer ticker (`engine.workflows.tick()`). */
  get workflows(): WorkflowRuntime {
    return this.container.get(WorkflowRuntime);
  }

  /** Every registered command and query (what the policy table must cover). */
  operations(): AnyOperation[] {
    return this.container.isBound(TOKENS.Commands)
      ? this.container.getAll<AnyOperation>(TOKENS.Commands)
      : [];
  }

  /** Resolves any binding of the container. */
  get<T>(token: ServiceIdentifier<T>): T {
    return this.container.get<T>(token);
  }

  /** Closes the storage and publishes `engine.closed`; later calls are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.events.emit('engine.closed', { at: isoNow(this.clock) });
    this.events.clear();
    await this.storage.close();
  }
}

/**
 * Builds the inversify container, binds the kernel (storage, clock, ids, events, logger),
 * loads the engine's and the host's modules, and opens storage with every declared collection.
 *
 * @example
 * ```ts
 * import { createEngine } from '@rpma/engine';
 * import { sqljsStorage } from '@rpma/storage-sqljs';
 *
 * const engine = await createEngine({ storage: sqljsStorage() });
 * ```
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  if (!options || typeof options.storage?.open !== 'function') {
    throw new EngineError('VALIDATION', 'createEngine needs a storage adapter in options.storage');
  }
  const container = new Container({ defaultScope: 'Singleton' });
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  container.bind<EngineOptions>(TOKENS.Options).toConstantValue(options);
  container.bind<StorageAdapter>(TOKENS.Storage).toConstantValue(options.storage);
  container.bind<Clock>(TOKENS.Clock).toConstantValue(clock);
  container.bind<IdGenerator>(TOKENS.Ids).toConstantValue(options.ids ?? uuidv7Generator(clock));
  container.bind<Logger>(TOKENS.Logger).toConstantValue(logger);
  container.bind<EventBus>(TOKENS.Events).toConstantValue(new EventBus(logger));
  container
    .bind<Resolve>(TOKENS.Resolve)
    .toConstantValue(<T>(token: ServiceIdentifier<T>) => container.get<T>(token));
  for (const plugin of options.workflows ?? [])
    container.bind<WorkflowPlugin>(TOKENS.Workflows).toConstantValue(plugin);

  try {
    await container.load(...engineModules, ...(options.modules ?? []));
  } catch (error) {
    throw toEngineError(error, 'VALIDATION', 'could not load the engine modules');
  }

  const collections = container.isBound(TOKENS.Collections)
    ? container.getAll<CollectionSchema>(TOKENS.Collections)
    : [];
  const storage = container.get<StorageAdapter>(TOKENS.Storage);
  try {
    await storage.open({ collections });
  } catch (error) {
    throw toEngineError(error, 'STORAGE', `could not open the ${storage.name} store`);
  }
  const engine = new Engine(container);
  try {
    const hooks = container.isBound(TOKENS.Startup)
      ? container.getAll<() => Promise<void>>(TOKENS.Startup)
      : [];
    for (const hook of hooks) await hook();
  } catch (error) {
    await engine.close();
    throw toEngineError(error, 'INTERNAL', 'the engine could not start');
  }
  storage.onExternalChange?.((changed) =>
    engine.events.emit('storage.external_change', { collections: changed }),
  );
  return engine;
}

/** The engine's own modules, in load order. Domain modules register themselves here. */
const engineModules: ContainerModule[] = [
  domainModule,
  authModule,
  settingsModule,
  clientsModule,
  vehiclesModule,
  tasksModule,
  trashModule,
  workflowsModule,
  calendarModule,
  csvModule,
  inventoryModule,
  photosModule,
];
