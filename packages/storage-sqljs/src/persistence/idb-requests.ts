/**
 * Promise forms of the few IndexedDB calls the browser journal makes. IndexedDB commits a
 * transaction as soon as no request is pending at the end of a task, so callers must issue
 * every request of a transaction synchronously and only then await {@link transactionDone}.
 */

/**
 * Opens (creating on first use) the database `name` with the journal's two object stores:
 * `snapshot` (one record, key `'current'`) and `journal` (one record per entry, key `seq`).
 *
 * @example
 * ```ts
 * const db = await openJournalDatabase('rpma-store:shop');
 * ```
 */
export function openJournalDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('snapshot')) db.createObjectStore('snapshot');
      if (!db.objectStoreNames.contains('journal')) db.createObjectStore('journal', { keyPath: 'seq' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () =>
      reject(new Error(`opening ${name} is blocked by an older version open elsewhere`));
  });
}

/**
 * Resolves with the result of `request` once it succeeds.
 *
 * @example
 * ```ts
 * const snapshot = requestResult(tx.objectStore('snapshot').get('current'));
 * await transactionDone(tx);
 * console.log(await snapshot);
 * ```
 */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Resolves once `tx` has committed (with `durability: 'strict'`, once it is on disk); rejects
 * with the error that aborted it.
 *
 * @example
 * ```ts
 * const tx = db.transaction('journal', 'readwrite', { durability: 'strict' });
 * tx.objectStore('journal').add(record);
 * await transactionDone(tx);
 * ```
 */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}
