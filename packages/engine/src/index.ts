export type { EngineOptions } from './engine/create-engine.js';
export { createEngine, Engine } from './engine/create-engine.js';
export type { Clock } from './kernel/clock.js';
export { FakeClock, isoNow, systemClock } from './kernel/clock.js';
export type { EngineErrorCode } from './kernel/engine-error.js';
export { EngineError, isEngineError, toEngineError } from './kernel/engine-error.js';
export type { EngineEventMap, EngineEventType } from './kernel/events.js';
export { EventBus } from './kernel/events.js';
export type { IdGenerator } from './kernel/ids.js';
export { uuidv7Generator } from './kernel/ids.js';
export type { Logger } from './kernel/logger.js';
export { consoleLogger, silentLogger } from './kernel/logger.js';
export { TOKENS } from './kernel/tokens.js';
export type {
  AggregateQuery,
  AggregateRow,
  CollectionSchema,
  DeletedVisibility,
  Doc,
  DocMeta,
  FieldFilter,
  FieldType,
  FindQuery,
  GroupBy,
  Measure,
  NewDoc,
  OrderBy,
  Page,
  ReadTransaction,
  Scalar,
  SearchQuery,
  StorageAdapter,
  StoreSchema,
  TimeBucket,
  UniqueKey,
  Where,
  WriteTransaction,
} from './storage/contract.js';
export { META_FIELDS } from './storage/contract.js';
export { decodeCursor, encodeCursor, orderSignature } from './storage/cursor.js';
export {
  checkAggregate,
  checkFindQuery,
  checkLimit,
  checkOrderBy,
  checkSearch,
  checkWhere,
  FILTER_OPERATORS,
  isFieldFilter,
  queryableFields,
  refuseField,
  searchTerms,
} from './storage/query-check.js';
