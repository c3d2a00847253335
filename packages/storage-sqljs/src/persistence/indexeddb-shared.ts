import type { JournalEntry, PersistedState, SharedWriters } from './persistence.js';

interface Announcement {
  seq: number;
  collections: string[];
}

/**
 * {@link SharedWriters} for browser tabs: writes are serialized by a Web Lock named after the
 * store (`navigator.locks.request`, exclusive), and commits are announced on a
 * `BroadcastChannel` of the same name. `pull` reads IndexedDB, which every tab shares.
 *
 * Where the Web Locks API is missing (an insecure context), writes of this page are still
 * serialized by an in-page queue; two such tabs cannot fork the data either, because a journal
 * entry whose seq is already stored is refused by IndexedDB and the writer must pull first.
 *
 * @example
 * ```ts
 * const writers = new TabWriters('rpma-store:shop', (after) => journal.readAfter(after));
 * await writers.withLock(async () => { await writers.pull(mySeq); … });
 * ```
 */
export class TabWriters implements SharedWriters {
  private readonly channel: BroadcastChannel;
  private readonly listeners = new Set<(seq: number, collections: string[]) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly read: (
      afterSeq: number,
    ) => Promise<{ entries: JournalEntry[] } | { reload: PersistedState }>,
  ) {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<Announcement>) => {
      const { seq, collections } = event.data;
      for (const listener of this.listeners) listener(seq, collections);
    };
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks) return locks.request(this.name, { mode: 'exclusive' }, () => fn());
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  pull(afterSeq: number): Promise<{ entries: JournalEntry[] } | { reload: PersistedState }> {
    return this.read(afterSeq);
  }

  announce(seq: number, collections: string[]): void {
    const message: Announcement = { seq, collections };
    this.channel.postMessage(message);
  }

  onAnnounce(listener: (seq: number, collections: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops listening and closes the channel. */
  close(): void {
    this.listeners.clear();
    this.channel.close();
  }
}
