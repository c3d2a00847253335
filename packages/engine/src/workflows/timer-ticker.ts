import { inject, injectable } from 'inversify';
import { CommandRunner } from '../domain/command-runner.js';
import { type Clock, isoNow } from '../kernel/clock.js';
import type { EventBus } from '../kernel/events.js';
import type { Logger } from '../kernel/logger.js';
import { TOKENS } from '../kernel/tokens.js';
import type { StorageAdapter } from '../storage/contract.js';
import { fireTimer } from './intervention-commands.js';
import type { WorkflowTimerFields } from './workflow-collections.js';
import { TIMER_PRINCIPAL } from './workflow-ids.js';

/** How many due timers one tick fires at most (the next tick takes the rest). */
const BATCH = 200;

/**
 * Fires due durable timers, each through the command path as its own command
 * (`interventions.fireTimer`, as {@link TIMER_PRINCIPAL}): at start-up, on an interval, and on
 * demand (`tick()`). A timer that fails is logged and left pending for the next tick.
 *
 * @example
 * ```ts
 * clock.advance(12 * 3_600_000);
 * await engine.get<TimerTicker>(TimerTicker).tick(); // 1 — the curing timer fired
 * ```
 */
@injectable()
export class TimerTicker {
  private interval: ReturnType<typeof setInterval> | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @inject(TOKENS.Storage) private readonly storage: StorageAdapter,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Events) private readonly events: EventBus,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  /** Fires every timer due by now; resolves with how many fired. Concurrent calls share one run. */
  tick(): Promise<number> {
    if (!this.running) {
      this.running = this.fireDue().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /** Ticks every `intervalMs` (0: never) until the engine closes. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.interval) return;
    this.interval = setInterval(() => void this.tick(), intervalMs);
    (this.interval as { unref?: () => void }).unref?.();
    this.events.once('engine.closed', () => this.stop());
  }

  /** Stops the interval. */
  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
  }

  private async fireDue(): Promise<number> {
    const now = isoNow(this.clock);
    const due = await this.storage.read((tx) =>
      tx.find<WorkflowTimerFields>('timers', {
        where: { status: 'pending', dueAt: { lte: now } },
        orderBy: [{ field: 'dueAt' }],
        limit: BATCH,
      }),
    );
    let fired = 0;
    for (const timer of due.items) {
      try {
        const result = await this.runner.execute(TIMER_PRINCIPAL, fireTimer, { timerId: timer.id });
        if (result.fired) fired++;
      } catch (error) {
        this.logger.error(`workflow timer ${timer.id} could not fire`, { error, timerId: timer.id });
      }
    }
    return fired;
  }
}
