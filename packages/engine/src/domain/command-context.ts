import type { ServiceIdentifier } from 'inversify';
import type { AuditEvent } from '../audit/audit-collection.js';
import { EngineError } from '../kernel/engine-error.js';
import type { EngineEventMap, EngineEventType } from '../kernel/events.js';
import type { IdGenerator } from '../kernel/ids.js';
import type { OutboxRecord } from '../outbox/outbox-collection.js';
import type { Doc, ReadTransaction, WriteTransaction } from '../storage/contract.js';
import type { BaseContext, CommandContext, Operation, QueryContext } from './command.js';
import { fieldDiff } from './diff.js';
import type { Principal } from './principal.js';

/** What a context needs from the runner. */
export interface ScopeDeps {
  principal: Principal;
  command: string;
  now: string;
  resolve: <T>(token: ServiceIdentifier<T>) => T;
}

/** An event waiting for the commit. */
export interface QueuedEvent {
  type: EngineEventType;
  payload: EngineEventMap[EngineEventType];
}

/**
 * The {@link QueryContext} of one query (and the read half of every command context).
 *
 * @example
 * ```ts
 * const ctx = new ReadScope(tx, { principal, command: 'clients.get', now, resolve });
 * await ctx.load('clients', id);
 * ```
 */
export class ReadScope<TX extends ReadTransaction = ReadTransaction> implements BaseContext, QueryContext {
  readonly principal: Principal;
  readonly command: string;
  readonly now: string;

  constructor(
    readonly tx: TX,
    protected readonly deps: ScopeDeps,
  ) {
    this.principal = deps.principal;
    this.command = deps.command;
    this.now = deps.now;
  }

  get<T>(token: ServiceIdentifier<T>): T {
    return this.deps.resolve<T>(token);
  }

  async load<T extends object>(
    collection: string,
    id: string,
    options: { rev?: number; deleted?: boolean } = {},
  ): Promise<Doc<T>> {
    const doc = await this.tx.get<T>(collection, id);
    if (!doc || (doc.deletedAt !== null && !options.deleted)) {
      throw new EngineError('NOT_FOUND', `${collection} ${id} does not exist`, {
        details: { collection, id },
      });
    }
    if (options.rev !== undefined && options.rev !== doc.rev) {
      throw new EngineError(
        'CONFLICT',
        `${collection} ${id} changed since it was read (rev ${options.rev}, now ${doc.rev})`,
        { details: { collection, id, expectedRev: options.rev, actualRev: doc.rev } },
      );
    }
    return doc;
  }
}

/**
 * The {@link CommandContext} of one command: every helper writes the document, its audit row
 * and its outbox row in the same transaction; events and post-commit actions wait for the runner
 * to commit.
 *
 * @example
 * ```ts
 * const ctx = new WriteScope(tx, ids, deps);
 * await ctx.insert('clients', { name: 'Léa' });
 * ctx.events; // queued, published by the runner after commit
 * ```
 */
export class WriteScope extends ReadScope<WriteTransaction> implements CommandContext {
  readonly events: QueuedEvent[] = [];
  readonly actions: Array<() => void | Promise<void>> = [];
  /** The collections this command changed (every insert, update, delete, restore, purge is recorded). */
  readonly changed = new Set<string>();

  constructor(
    tx: WriteTransaction,
    readonly ids: IdGenerator,
    deps: ScopeDeps,
  ) {
    super(tx, deps);
  }

  async insert<T extends object>(collection: string, fields: T & { id?: string }): Promise<Doc<T>> {
    const { id, ...rest } = fields as T & { id?: string; rev?: unknown; deletedAt?: unknown };
    const doc = await this.tx.insert<T>(collection, {
      ...(rest as T),
      id: id ?? this.ids.next(),
      createdAt: this.now,
      updatedAt: this.now,
      deletedAt: null,
    });
    await this.record(collection, doc.id, 'create', fieldDiff(null, withoutMeta(doc)));
    return doc;
  }

  async update<T extends object>(collection: string, doc: Doc<T>, patch: Partial<T>): Promise<Doc<T>> {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...doc, ...defined } as Doc<T>;
    return this.replace(collection, doc, next, 'update');
  }

  async softDelete<T extends object>(collection: string, doc: Doc<T>): Promise<Doc<T>> {
    if (doc.deletedAt !== null) {
      throw new EngineError('NOT_FOUND', `${collection} ${doc.id} is already in the trash`, {
        details: { collection, id: doc.id },
      });
    }
    return this.replace(collection, doc, { ...doc, deletedAt: this.now }, 'delete');
  }

  async restore<T extends object>(collection: string, doc: Doc<T>): Promise<Doc<T>> {
    if (doc.deletedAt === null) {
      throw new EngineError('PRECONDITION', `${collection} ${doc.id} is not in the trash`, {
        details: { collection, id: doc.id },
      });
    }
    return this.replace(collection, doc, { ...doc, deletedAt: null }, 'restore');
  }

  async purge<T extends object>(collection: string, doc: Doc<T>): Promise<void> {
    await this.tx.purge(collection, doc.id);
    await this.record(collection, doc.id, 'purge', fieldDiff(withoutMeta(doc), null));
  }

  emit<K extends EngineEventType>(type: K, payload: EngineEventMap[K]): void {
    this.events.push({ type, payload });
  }

  afterCommit(fn: () => void | Promise<void>): void {
    this.actions.push(fn);
  }

  private async replace<T extends object>(
    collection: string,
    doc: Doc<T>,
    next: Doc<T>,
    operation: Operation,
  ): Promise<Doc<T>> {
    const diff = fieldDiff(doc as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(diff).length === 0) return doc;
    const stored = await this.tx.update<T>(collection, { ...next, updatedAt: this.now }, doc.rev);
    await this.record(collection, doc.id, operation, diff);
    return stored;
  }

  private async record(
    entity: string,
    entityId: string,
    operation: Operation,
    diff: AuditEvent['diff'],
  ): Promise<void> {
    const { principal, command, now } = this;
    this.changed.add(entity);
    const meta = { createdAt: now, updatedAt: now, deletedAt: null };
    await this.tx.insert<AuditEvent>('auditEvents', {
      id: this.ids.next(),
      ...meta,
      actorId: principal.userId,
      actorRole: principal.role,
      command,
      entity,
      entityId,
      operation,
      at: now,
      diff,
    });
    await this.tx.insert<OutboxRecord>('outbox', {
      id: this.ids.next(),
      ...meta,
      entity,
      entityId,
      operation,
      fields: Object.keys(diff),
      at: now,
      ackedAt: null,
    });
  }
}

const META = new Set(['id', 'rev', 'createdAt', 'updatedAt', 'deletedAt']);

function withoutMeta(doc: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !META.has(key)));
}
