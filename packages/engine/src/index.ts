export type { AuditEvent } from './audit/audit-collection.js';
export { auditCollection } from './audit/audit-collection.js';
export { auditOperations } from './audit/audit-queries.js';
export type { AccessClaims, AccessTokenConfig } from './auth/access-tokens.js';
export { ACCESS_TOKEN_ALGORITHMS, AccessTokens } from './auth/access-tokens.js';
export { authModule } from './auth/auth-module.js';
export type { LoginResult } from './auth/auth-service.js';
export { AuthService } from './auth/auth-service.js';
export { BACKUP_CODE_COUNT, newBackupCodes, normalizeBackupCode } from './auth/backup-codes.js';
export { COMMON_PASSWORDS, isCommonPassword } from './auth/common-passwords.js';
export type { LockoutPolicy, LockoutState } from './auth/lockout.js';
export { DEFAULT_LOCKOUT } from './auth/lockout.js';
export type { Argon2Params, PasswordHasher } from './auth/password-hasher.js';
export { Argon2idHasher, OWASP_ARGON2ID, parseArgon2Params } from './auth/password-hasher.js';
export { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './auth/password-policy.js';
export { qrSvg } from './auth/qr-svg.js';
export { totpCode, totpUrl } from './auth/totp.js';
export type { TwoFactorStatus } from './auth/two-factor-commands.js';
export { twoFactorOperations } from './auth/two-factor-commands.js';
export type { BusinessHours, HoursViolation } from './calendar/business-hours.js';
export type {
  CalendarEvent,
  CalendarEventDoc,
  CalendarEventKind,
  Occurrence,
  ScheduleOverride,
} from './calendar/calendar-event.js';
export { CALENDAR_EVENT_KINDS, calendarCollection } from './calendar/calendar-event.js';
export { calendarModule, calendarOperations } from './calendar/calendar-module.js';
export type { Booking, ConflictResource, Overlap } from './calendar/conflicts.js';
export { findOverlaps } from './calendar/conflicts.js';
export type { Interval, Series } from './calendar/recurrence.js';
export { expandSeries, normaliseRecurrence } from './calendar/recurrence.js';
export type { ScheduleConflict, ScheduleReport } from './calendar/schedule-check.js';
export type { ScheduledTask } from './calendar/schedule-task.js';
export type { WallTime } from './calendar/time-zone.js';
export { parseInstant, wallTimeAt } from './calendar/time-zone.js';
export type { Address, Client, ClientStats } from './clients/client-model.js';
export { clientSearchText, clientsCollection } from './clients/client-model.js';
export { clientOperations } from './clients/client-operations.js';
export { countNewTask, refreshClientStats } from './clients/client-stats.js';
export { clientsModule } from './clients/clients-module.js';
export { buildSearchText, phoneWords, plateKey } from './clients/search-text.js';
export type { StoreCodec } from './crypto/aes-gcm-codec.js';
export { aesGcmCodec } from './crypto/aes-gcm-codec.js';
export type { SecretKeyInput } from './crypto/secret-box.js';
export { SecretBox } from './crypto/secret-box.js';
export { SecretVault } from './crypto/secret-vault.js';
export type { ImportOptions, ImportProgress, ImportReport } from './csv/csv-api.js';
export { CsvApi } from './csv/csv-api.js';
export type { CsvDelimiter, RowProblem } from './csv/csv-format.js';
export { csvModule, csvOperations } from './csv/csv-module.js';
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
export type { PrincipalVerifier } from './domain/principal-verifier.js';
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
export type { EngineEventMap, EngineEventType, InterventionTransition } from './kernel/events.js';
export { EventBus } from './kernel/events.js';
export type { IdGenerator } from './kernel/ids.js';
export { uuidv7Generator } from './kernel/ids.js';
export type { Logger } from './kernel/logger.js';
export { consoleLogger, silentLogger } from './kernel/logger.js';
export { TOKENS } from './kernel/tokens.js';
export type { Lot, Material } from './materials/material-model.js';
export {
  lotsCollection,
  MATERIAL_TYPES,
  MATERIAL_UNITS,
  materialsCollection,
} from './materials/material-model.js';
export { materialOperations } from './materials/material-operations.js';
export type { OutboxRecord } from './outbox/outbox-collection.js';
export { outboxCollection } from './outbox/outbox-collection.js';
export { outboxOperations } from './outbox/outbox-operations.js';
export type { BlobStore } from './photos/blob-store.js';
export { checkBlobKey } from './photos/blob-store.js';
export { canvasImageProcessor } from './photos/canvas-image-processor.js';
export type { ExifSummary } from './photos/exif-tiff.js';
export type { ImageProcessor, Thumbnail } from './photos/image-processor.js';
export { fitWithin } from './photos/image-processor.js';
export type { ByteRange, ImageFormat, ImageStructure } from './photos/image-structure.js';
export { IMAGE_MIME } from './photos/image-structure.js';
export { indexedDbBlobStore } from './photos/indexeddb-blob-store.js';
export type { InspectedImage, PhotoLimits } from './photos/inspect-image.js';
export type { Photo, PhotoSettings } from './photos/photo-model.js';
export { DEFAULT_PHOTO_SETTINGS, photosCollection } from './photos/photo-model.js';
export { photoOperations } from './photos/photo-operations.js';
export type { PhotoRefusalReason } from './photos/photo-refusal.js';
export { refusePhoto } from './photos/photo-refusal.js';
export { photoBindings, photosModule } from './photos/photos-module.js';
export type { PreparedPhoto } from './photos/prepare-photo.js';
export { preparePhoto } from './photos/prepare-photo.js';
export { sha256Hex } from './photos/sha256.js';
export type { RefreshToken, Session, SessionEnd } from './sessions/session-collections.js';
export type { SessionView } from './sessions/session-commands.js';
export { sessionOperations } from './sessions/session-commands.js';
export { SessionVerifier } from './sessions/session-verifier.js';
export { settingsModule } from './settings/settings-module.js';
export type { OrganisationSettings } from './settings/settings-schema.js';
export { DEFAULT_SETTINGS } from './settings/settings-schema.js';
export { readSettings, SettingsService, settingsOperations } from './settings/settings-service.js';
export { inventoryModule, stockOperations } from './stock/inventory-module.js';
export type { InventorySettings } from './stock/inventory-settings.js';
export { inventorySettings } from './stock/inventory-settings.js';
export type { LotUse } from './stock/lot-tracing.js';
export type { ConsumptionRecord, MovementDraft } from './stock/stock-ledger.js';
export {
  applyMovement,
  lotByNumber,
  materialBySku,
  onHand,
  recordConsumption,
} from './stock/stock-ledger.js';
export type { MovementKind, StockMovement } from './stock/stock-movement.js';
export { MOVEMENT_KINDS, roundQuantity, stockMovementsCollection } from './stock/stock-movement.js';
export type { LotStatus, StockLevel } from './stock/stock-queries.js';
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
export type { NewTask } from './tasks/task-create.js';
export { createTaskIn, createTaskInput } from './tasks/task-create.js';
export type {
  ChecklistItem as TaskChecklistItem,
  Delay,
  StatusChange,
  Task,
  TaskStatus,
  TaskView,
} from './tasks/task-model.js';
export { OPEN_STATUSES, PRIORITIES, TASK_STATUSES, tasksCollection } from './tasks/task-model.js';
export { nextTaskNumber } from './tasks/task-number.js';
export type { TransitionOptions } from './tasks/task-status.js';
export { TASK_TRANSITIONS, transitionTask, withOverdue } from './tasks/task-status.js';
export { taskOperations, tasksModule } from './tasks/tasks-module.js';
export { trashModule } from './trash/trash-module.js';
export type { TrashItem } from './trash/trash-operations.js';
export { trashOperations } from './trash/trash-operations.js';
export type { TrashHandler } from './trash/trash-registry.js';
export { TrashRegistry } from './trash/trash-registry.js';
export type { User } from './users/user-collections.js';
export { userOperations } from './users/user-operations.js';
export type { NewVehicle, Vehicle } from './vehicles/vehicle-model.js';
export { PAINT_TYPES, vehiclesCollection } from './vehicles/vehicle-model.js';
export { createVehicleIn, refreshClientPlates, vehicleOperations } from './vehicles/vehicle-operations.js';
export { vehiclesModule } from './vehicles/vehicles-module.js';
export { vinCheckDigit, vinProblem } from './vehicles/vin.js';
export type {
  ChecklistItem,
  Consumption,
  EnvironmentGate,
  EnvironmentReading,
  EnvironmentWindow,
  PersistedWorkflowSnapshot,
  PhotoRule,
  StampedEvent,
  StepCheckInput,
  StepDefinition,
  StepLabels,
  StepSubmitEvent,
  WorkflowInput,
  WorkflowLabels,
  WorkflowMigration,
  WorkflowPlugin,
} from './workflows/contract.js';
export { STEP_SUBMIT } from './workflows/contract.js';
export { defineStep, defineWorkflow, workflowProblems } from './workflows/define-workflow.js';
export { dewPointC, environmentProblems } from './workflows/environment.js';
export type {
  InterventionProgress,
  InterventionView,
  TransitionRecord,
} from './workflows/intervention-queries.js';
export type { WorkflowEventInput } from './workflows/interventions-api.js';
export { InterventionsApi } from './workflows/interventions-api.js';
export { photoTags, storedStepPhotos } from './workflows/step-photos.js';
export type { CheckedSubmission } from './workflows/step-requirements.js';
export { checkSubmission } from './workflows/step-requirements.js';
export { TimerTicker } from './workflows/timer-ticker.js';
export type { MigrationResult } from './workflows/versioning.js';
export { migrateSnapshot } from './workflows/versioning.js';
export type {
  Intervention,
  InterventionFields,
  InterventionStatus,
  InterventionStep,
  InterventionStepFields,
  StepDuration,
  WorkflowTimer,
  WorkflowTimerFields,
} from './workflows/workflow-collections.js';
export { TIMER_PRINCIPAL, WORKFLOW_REGISTRY } from './workflows/workflow-ids.js';
export { labelProblems, missingLabels, stepFieldPaths } from './workflows/workflow-labels.js';
export { WorkflowRegistry } from './workflows/workflow-registry.js';
export { WorkflowRuntime } from './workflows/workflow-runtime.js';
export type { ScheduledTimer, WorkflowOutcome } from './workflows/workflow-transition.js';
export {
  acceptedEvents,
  applyWorkflowEvent,
  restoreWorkflow,
  startWorkflow,
  stateLabel,
  stepOf,
} from './workflows/workflow-transition.js';
export { interventionOperations, workflowModule, workflowsModule } from './workflows/workflows-module.js';
