export { FakeClock } from '../kernel/clock.js';
export type { AssignedJob } from './open-intervention.js';
export { assignedTask, openIntervention } from './open-intervention.js';
export { refusal, refusalOf, stamped } from './refusal.js';
export type { ShopFixture, ShopFixtureOptions } from './shop-fixture.js';
export { FIXTURE_START, shopFixture } from './shop-fixture.js';
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
