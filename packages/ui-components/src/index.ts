export type { EngineHost } from './base/rpma-element.js';
export { RpmaElement } from './base/rpma-element.js';
export type { SessionEnd } from './context/engine-context.js';
export { engineContext, principalContext, sessionEndContext } from './context/engine-context.js';
export type { SignedInDetail } from './context/engine-provider.js';
export { RpmaEngineProvider } from './context/engine-provider.js';
export { ActionController } from './controllers/action-controller.js';
export type { EngineQueryOptions, QueryContext } from './controllers/engine-query-controller.js';
export { EngineQueryController, shopFor } from './controllers/engine-query-controller.js';
export type { DefineOptions } from './define.js';
export { defineRpmaElements, RPMA_ELEMENTS } from './define.js';
export { RpmaDashboard } from './elements/dashboard.js';
export type { StepSubmittedDetail } from './elements/intervention-runner.js';
export { RpmaInterventionRunner } from './elements/intervention-runner.js';
export type { StepPhoto } from './elements/photo-capture.js';
export { PhotoCapture } from './elements/photo-capture.js';
export type { DemoAccount, TrustedAccount } from './elements/sign-in.js';
export { RpmaSignIn } from './elements/sign-in.js';
export { RpmaStockLevels } from './elements/stock-levels.js';
export type { TaskMovedDetail } from './elements/task-board.js';
export { RpmaTaskBoard } from './elements/task-board.js';
export type { InterventionOpenDetail } from './elements/task-detail.js';
export { RpmaTaskDetail } from './elements/task-detail.js';
export type { TaskSelectDetail } from './elements/task-list.js';
export { RpmaTaskList, TASK_EVENTS } from './elements/task-list.js';
export type { TaskRow, TaskStatus } from './engine-types.js';
export { asTaskPage } from './engine-types.js';
export type { FieldIssue } from './errors/error-text.js';
export { errorTitle, fieldIssues, renderError } from './errors/error-text.js';
export type { JsonSchema, SchemaFormBinding } from './forms/schema-form.js';
export { emptyValue, getPath, renderSchemaFields, setPath } from './forms/schema-form.js';
export { formatDateTime } from './i18n/format.js';
export {
  knownZoneLabel,
  roleLabel,
  statusLabel,
  stepLabel,
  TASK_STATUS_ORDER,
  zoneLabel,
} from './i18n/labels.js';
export type { RpmaLocale } from './i18n/localization.js';
export { getRpmaLocale, loadRpmaLocale, RPMA_LOCALES, setRpmaLocale } from './i18n/localization.js';
export { themeStyles } from './theme/theme.js';
