export { FakeClock } from '../kernel/clock.js';
export type {
  StorageAdapterSuiteOptions,
  StorageUnderTest,
} from './storage-suite/run-storage-adapter-suite.js';
export { runStorageAdapterSuite } from './storage-suite/run-storage-adapter-suite.js';
