export type { AuditEvent } from './audit/audit-collection.js';
export { auditCollection } from './audit/audit-collection.js';
export { AuthService } from './auth/auth-service.js';
export type {
  AnyOperation,
  BaseContext,
  CommandContext,
  CommandDef,
  InputOf,
  Operation,
  Ownership,
  QueryContext,
  QueryDef,
  ResultOf,
} from './domain/command.js';
export { defineCommand, defineQuery } from './domain/command.js';
export type { Resolve } from './domain/command-runner.js';
export { CommandRunner } from './domain/command-runner.js';
export type { FieldChange } from './domain/diff.js';
export { fieldDiff, jsonEqual } from './domain/diff.js';
export { domainModule, registerOperations } from './domain/domain-module.js';
export type { OperationsApi } from './domain/operations-api.js';
export { bindOperations } from './domain/operations-api.js';
export type { AssignedGrant, Grant, PolicyRow } from './domain/policy.js';
export { assignedTechnician, atLeast, grantFor, POLICY, TECHNICIAN_TASK_FIELDS } from './domain/policy.js';
export type { Principal, Role } from './domain/principal.js';
export { ROLES, roleAtLeast } from './domain/principal.js';
export {
  cursor,
  idString,
  isoDate,
  longText,
  pageLimit,
  revNumber,
  shortText,
  tagList,
} from './domain/schemas.js';
export type { EngineOptions } from './engine/create-engine.js';
export { createEngine, Engine } from './engine/create-engine.js';
export { Shop } from './engine/shop.js';
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
export type { OutboxRecord } from './outbox/outbox-collection.js';
export { outboxCollection } from './outbox/outbox-collection.js';
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
