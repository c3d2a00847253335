import mitt, { type Emitter } from 'mitt';
import type { Logger } from './logger.js';

/**
 * Every event the engine publishes, by name. Events are published only after their
 * transaction committed. Modules add their events here, in one place, so hosts and UI
 * components subscribe with full types.
 *
 * @example
 * ```ts
 * engine.events.on('storage.external_change', ({ collections }) => refresh(collections));
 * ```
 */
export interface EngineEventMap {
  /** Another writer (another tab) committed changes to these collections. */
  'storage.external_change': { collections: string[] };
  /** The engine is shutting down. */
  'engine.closed': { at: string };
  /** A task was created (its number allocated). */
  'task.created': {
    id: string;
    number: string;
    status: string;
    clientId: string;
    technicianId: string | null;
    at: string;
  };
  /** Fields of a task changed (not its status: see `task.status_changed`). */
  'task.updated': { id: string; number: string; fields: string[]; by: string; at: string };
  /** A task moved from one status to another, by whom and why. */
  'task.status_changed': {
    id: string;
    number: string;
    from: string;
    to: string;
    by: string;
    reason: string | null;
    at: string;
  };
  /** A calendar event was created, rescheduled, updated, cancelled (whole or one occurrence), deleted or restored. */
  'calendar.changed': {
    eventId: string;
    change:
      | 'created'
      | 'rescheduled'
      | 'updated'
      | 'cancelled'
      | 'occurrence_cancelled'
      | 'deleted'
      | 'restored';
    kind: 'appointment' | 'bay_booking' | 'time_off';
    technicianId: string | null;
    bayId: string | null;
    taskId: string | null;
  };
  /** An intervention started on a task. */
  'intervention.started': {
    id: string;
    taskId: string;
    workflowId: string;
    version: number;
    step: string | null;
    at: string;
  };
  /** Every accepted workflow event (for dev tools and UIs): the state before and after. */
  'intervention.transitioned': InterventionTransition;
  /** The intervention moved to another step (a subset of `intervention.transitioned`). */
  'intervention.advanced': InterventionTransition;
  /** The intervention reached its final state; its task is completed. */
  'intervention.completed': { id: string; taskId: string; at: string };
  /** Paused, resumed or cancelled by a person. */
  'intervention.status_changed': { id: string; taskId: string; status: string; reason?: string; at: string };
  /** A stock movement took a material's on-hand quantity to or below its reorder point (once per crossing). */
  'material.low_stock': {
    materialId: string;
    sku: string;
    name: string;
    onHand: number;
    reorderPoint: number;
    unit: string;
    at: string;
  };
  /** A photo was stored and attached to an intervention step. */
  'photo.added': { id: string; interventionId: string; stepId: string; at: string };
  /** A photo was moved to the trash. */
  'photo.deleted': { id: string; interventionId: string; stepId: string; at: string };
  /** A login session ended: logout, revocation, replay of a used refresh token, user disabled. */
  'session.revoked': { sessionId: string; userId: string; reason: string };
  /** A login session reached its idle or absolute timeout. */
  'session.expired': { sessionId: string; userId: string; reason: 'idle_timeout' | 'absolute_timeout' };
  /** A user account changed (created, role, enabled/disabled, profile, password, 2FA). */
  'user.changed': { id: string; fields: string[]; by: string; at: string };
  /**
   * A command committed audited changes to these collections (published once per command,
   * after its own events): lets views of any collection (trash, settings, stock) stay current.
   */
  'data.changed': { collections: string[]; command: string; by: string; at: string };
}

/**
 * One accepted workflow transition, as published on the bus.
 *
 * @example
 * ```ts
 * engine.events.on('intervention.advanced', (t) => console.log(`${t.fromStep} → ${t.toStep} by ${t.by}`));
 * ```
 */
export interface InterventionTransition {
  id: string;
  taskId: string;
  workflowId: string;
  event: string;
  from: string;
  to: string;
  fromStep: string | null;
  toStep: string | null;
  at: string;
  by: string;
}

/** The name of an engine event. */
export type EngineEventType = keyof EngineEventMap;

/**
 * A typed publish/subscribe bus over mitt. A failing handler is logged and never stops
 * the other handlers or the command that published.
 *
 * @example
 * ```ts
 * const off = bus.on('engine.closed', (e) => console.log('closed at', e.at));
 * off();
 * ```
 */
export class EventBus {
  private readonly emitter: Emitter<Record<string, unknown>> = mitt<Record<string, unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Subscribes to one event; returns the unsubscribe function. */
  on<K extends EngineEventType>(type: K, handler: (event: EngineEventMap[K]) => void): () => void {
    const safe = (event: unknown) => this.guard(type, () => handler(event as EngineEventMap[K]));
    this.emitter.on(type, safe);
    return () => this.emitter.off(type, safe);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(handler: <K extends EngineEventType>(type: K, event: EngineEventMap[K]) => void): () => void {
    const safe = (type: string, event: unknown) =>
      this.guard(type, () => handler(type as EngineEventType, event as EngineEventMap[EngineEventType]));
    this.emitter.on('*', safe);
    return () => this.emitter.off('*', safe);
  }

  /** Subscribes for the next occurrence only. */
  once<K extends EngineEventType>(type: K, handler: (event: EngineEventMap[K]) => void): () => void {
    const off = this.on(type, (event) => {
      off();
      handler(event);
    });
    return off;
  }

  /** Publishes an event to its subscribers, synchronously. */
  emit<K extends EngineEventType>(type: K, event: EngineEventMap[K]): void {
    this.emitter.emit(type, event);
  }

  /** Removes every subscriber. */
  clear(): void {
    this.emitter.all.clear();
  }

  private guard(type: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.logger.error(`event handler for ${type} failed`, { error });
    }
  }
}
