import { EngineError, toEngineError } from '@rpma/engine';

interface Waiter<T> {
  item: T;
  resolve: () => void;
  reject: (err: EngineError) => void;
}

/**
 * Group commit: items added while a flush is in flight wait and are flushed together by the
 * next one (one write + one fsync for many commits). When a flush fails, its items and every
 * item queued behind it are rejected with `EngineError('STORAGE')`: later entries depend on
 * earlier ones, so none of them may become durable.
 *
 * @example
 * ```ts
 * const group = new GroupCommit<JournalEntry>((entries) => writeAndSync(entries));
 * await Promise.all([group.add(e1), group.add(e2)]); // e2 rides with e1 or the next flush
 * ```
 */
export class GroupCommit<T> {
  private queue: Waiter<T>[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly flush: (items: T[]) => Promise<void>) {}

  /** Queues `item`; resolves once the flush that carried it succeeded. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) this.draining = this.drain();
    });
  }

  /** Resolves once nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.flush(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (err) {
        const failure = toEngineError(err, 'STORAGE', 'could not append to the journal');
        for (const w of batch) w.reject(failure);
        const behind = new EngineError(
          'STORAGE',
          `not appended: an earlier entry failed (${failure.message})`,
          { cause: failure },
        );
        for (const w of this.queue.splice(0)) w.reject(behind);
      }
    }
    this.draining = null;
  }
}
