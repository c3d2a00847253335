export { FakeClock } from '../kernel/clock.js';
export type { OpenInterventionOptions } from './open-intervention.js';
export { openIntervention } from './open-intervention.js';
export type {
  StorageAdapterSuiteOptions,
  StorageUnderTest,
} from './storage-suite/run-storage-adapter-suite.js';
export { runStorageAdapterSuite } from './storage-suite/run-storage-adapter-suite.js';
export { submitWithPhotos } from './stored-photos.js';
export type {
  Duration,
  Exploration,
  ExploreOptions,
  SampleEvent,
  WorkflowPoint,
} from './workflow-kit.js';
export {
  advanceAndTick,
  durationMs,
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  exploreWorkflow,
  leafStates,
} from './workflow-kit.js';
