import { EngineError, toEngineError } from '../kernel/engine-error.js';
import { type BlobStore, checkBlobKey } from './blob-store.js';

const STORE = 'blobs';

/**
 * A {@link BlobStore} in the browser's IndexedDB: one object store of byte arrays, written in
 * `readwrite` transactions with strict durability (the write resolves once it is on disk).
 *
 * @example
 * ```ts
 * const blobs = indexedDbBlobStore('my-shop-photos');
 * const engine = await createEngine({ storage, modules: [photoBlobs(blobs)] });
 * ```
 */
export function indexedDbBlobStore(databaseName = 'rpma-blobs', factory: IDBFactory = indexedDB): BlobStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(new EngineError('LOCKED', `${databaseName} is blocked by another tab`));
    });
    return opened;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    what: string,
    fn: (store: IDBObjectStore) => IDBRequest,
  ): Promise<T> => {
    try {
      const db = await database();
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode, { durability: 'strict' });
        const request = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result as T);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } catch (error) {
      throw toEngineError(error, 'STORAGE', `IndexedDB blob ${what} failed`);
    }
  };
  return {
    async put(key, bytes) {
      checkBlobKey(key);
      await run('readwrite', 'put', (store) => store.put(bytes.slice(), key));
    },
    async get(key) {
      checkBlobKey(key);
      const value = await run<Uint8Array | undefined>('readonly', 'get', (store) => store.get(key));
      return value === undefined ? undefined : new Uint8Array(value);
    },
    async delete(key) {
      checkBlobKey(key);
      await run('readwrite', 'delete', (store) => store.delete(key));
    },
  };
}
