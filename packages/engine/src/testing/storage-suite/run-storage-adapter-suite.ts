import type { TestContext } from 'vitest';
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { StorageAdapter, StoreSchema } from '../../storage/contract.js';
import { aggregateSearchTests } from './aggregate-search-tests.js';
import { crudTests } from './crud-tests.js';
import { filterTests } from './filter-tests.js';
import type { SuiteContext } from './fixtures.js';
import { SUITE_SCHEMA } from './fixtures.js';
import { orderTests } from './order-tests.js';
import { propertyTests } from './property-tests.js';
import { reopenTests } from './reopen-tests.js';
import { transactionTests } from './transaction-tests.js';

/**
 * One adapter under test, as `create` makes it: not yet opened (the suite opens it).
 */
export interface StorageUnderTest {
  adapter: StorageAdapter;
  /**
   * A new, unopened adapter on the same durable store; called after the suite closed the
   * previous one. Leave it out for adapters that keep nothing (the reopen tests are then
   * reported as skipped).
   */
  reopen?: () => Promise<StorageAdapter>;
  /** Removes what the store left behind (temporary files, IndexedDB databases). */
  cleanup?: () => Promise<void>;
}

/** Options of {@link runStorageAdapterSuite}. */
export interface StorageAdapterSuiteOptions {
  /** Shown in the `describe` title, like `'sqljs (file journal)'`. */
  name?: string;
  /** Makes a fresh, empty store for each test. */
  create: () => Promise<StorageUnderTest>;
  /** Names of tests to skip (exact titles), each a known limitation to document. */
  skip?: readonly string[];
}

/**
 * The conformance suite of the storage contract: every adapter's test file calls it once, and
 * an adapter is correct when it passes. Each test gets a fresh store from `create`, opened with
 * the suite's schema, closed (and `cleanup`ed) afterwards.
 *
 * @example
 * ```ts
 * import { runStorageAdapterSuite } from '@rpma/engine/testing';
 * import { memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
 *
 * runStorageAdapterSuite({
 *   name: 'sqljs (memory)',
 *   create: async () => {
 *     const persistence = memoryPersistence();
 *     return { adapter: sqljsStorage({ persistence }), reopen: async () => sqljsStorage({ persistence }) };
 *   },
 * });
 * ```
 */
export function runStorageAdapterSuite(options: StorageAdapterSuiteOptions): void {
  const skipped = new Set(options.skip ?? []);
  let current: StorageUnderTest | undefined;
  let adapter: StorageAdapter | undefined;
  let running: TestContext | undefined;

  const context: SuiteContext = {
    get adapter() {
      if (adapter === undefined) throw new Error('no adapter: the suite creates one per test');
      return adapter;
    },
    async reopen(schema: StoreSchema) {
      if (current?.reopen === undefined) throw new Error('this adapter cannot reopen its store');
      await adapter?.close();
      adapter = await current.reopen();
      await adapter.open(schema);
      return adapter;
    },
    skipUnlessReopenable() {
      if (current?.reopen === undefined) running?.skip('this adapter cannot reopen its store');
    },
    it(name, fn) {
      if (skipped.has(name)) it.skip(name, fn);
      else
        it(name, async (test) => {
          running = test;
          await fn();
        });
    },
  };

  describe(`storage adapter conformance: ${options.name ?? 'adapter'}`, () => {
    beforeEach(async () => {
      current = await options.create();
      adapter = current.adapter;
      await adapter.open(SUITE_SCHEMA);
    });

    afterEach(async () => {
      try {
        await adapter?.close();
      } finally {
        await current?.cleanup?.();
        adapter = undefined;
        current = undefined;
      }
    });

    crudTests(context);
    filterTests(context);
    orderTests(context);
    aggregateSearchTests(context);
    transactionTests(context);
    reopenTests(context);
    propertyTests(context);
  });
}
