export { mayRun } from './base/permissions.js';
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
export { RpmaAccount } from './elements/account.js';
export { TwoFactorPanel, twoFactorStyles } from './elements/account-two-factor.js';
export type {
  CalendarEventMovedDetail,
  CalendarEventSelectDetail,
  CalendarNavigateDetail,
  CalendarResource,
  CalendarSlotSelectDetail,
} from './elements/calendar.js';
export { CALENDAR_EVENTS, calendarKindLabel, RpmaCalendar } from './elements/calendar.js';
export type { CalendarView } from './elements/calendar-model.js';
export { CALENDAR_VIEWS } from './elements/calendar-model.js';
export type { ClientDeletedDetail } from './elements/client-detail.js';
export { RpmaClientDetail } from './elements/client-detail.js';
export type { ClientSelectDetail } from './elements/client-list.js';
export { CLIENT_COLLECTIONS, RpmaClientList } from './elements/client-list.js';
export { RpmaClientPicker } from './elements/client-picker.js';
export { RpmaDashboard } from './elements/dashboard.js';
export { RpmaInterventionList } from './elements/intervention-list.js';
export type { StepSubmittedDetail } from './elements/intervention-runner.js';
export { RpmaInterventionRunner } from './elements/intervention-runner.js';
export type { MaterialDetail, StockMovedDetail } from './elements/inventory.js';
export { RpmaInventory } from './elements/inventory.js';
export { MaterialStockPanel, STOCK_COLLECTIONS } from './elements/inventory-material.js';
export type { StepPhoto } from './elements/photo-capture.js';
export { PhotoCapture } from './elements/photo-capture.js';
export type { SettingsSavedDetail } from './elements/settings.js';
export { RpmaSettings } from './elements/settings.js';
export type { DemoAccount, TrustedAccount } from './elements/sign-in.js';
export { RpmaSignIn } from './elements/sign-in.js';
export { RpmaStockLevels } from './elements/stock-levels.js';
export type { TaskMovedDetail } from './elements/task-board.js';
export { RpmaTaskBoard } from './elements/task-board.js';
export type { InterventionOpenDetail } from './elements/task-detail.js';
export { RpmaTaskDetail } from './elements/task-detail.js';
export type { TaskSavedDetail } from './elements/task-form.js';
export { RpmaTaskForm, toLocalInput } from './elements/task-form.js';
export type { TaskSelectDetail } from './elements/task-list.js';
export { RpmaTaskList, TASK_EVENTS } from './elements/task-list.js';
export type { TrashChangeDetail } from './elements/trash.js';
export { RpmaTrash } from './elements/trash.js';
export type { UserCreatedDetail } from './elements/users.js';
export { RpmaUsers } from './elements/users.js';
export type { VehicleSavedDetail } from './elements/vehicle-form.js';
export { RpmaVehicleForm } from './elements/vehicle-form.js';
export { RpmaVehiclePicker, vehicleLabel } from './elements/vehicle-picker.js';
export { COVERAGE_ZONES, RpmaZonePicker } from './elements/zone-picker.js';
export type { TaskRow, TaskStatus } from './engine-types.js';
export { asTaskPage } from './engine-types.js';
export type { FieldIssue } from './errors/error-text.js';
export { errorTitle, fieldIssues, renderError } from './errors/error-text.js';
export type { FieldOptions } from './forms/field.js';
export { renderField } from './forms/field.js';
export type { ControlProblem } from './forms/form-control.js';
export { RpmaFormControl } from './forms/form-control.js';
export { formStyles } from './forms/form-styles.js';
export type { JsonSchema, SchemaFormBinding } from './forms/schema-form.js';
export { emptyValue, getPath, renderSchemaFields, setPath } from './forms/schema-form.js';
export { formatDateTime } from './i18n/format.js';
export {
  clientKindLabel,
  knownZoneLabel,
  paintTypeLabel,
  priorityLabel,
  roleLabel,
  statusLabel,
  stepLabel,
  TASK_STATUS_ORDER,
  zoneLabel,
} from './i18n/labels.js';
export type { RpmaLocale } from './i18n/localization.js';
export { getRpmaLocale, loadRpmaLocale, RPMA_LOCALES, setRpmaLocale } from './i18n/localization.js';
export { themeStyles } from './theme/theme.js';
