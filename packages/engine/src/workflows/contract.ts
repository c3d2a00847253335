import type { AnyStateMachine } from 'xstate';
import type * as z from 'zod/mini';

/**
 * One item of a step's checklist. A required item must be ticked before the step can be
 * submitted; an optional one is recorded when ticked.
 *
 * @example
 * ```ts
 * const ipa: ChecklistItem = { id: 'ipa-wipe', label: 'IPA wipe (~30 % in water)', required: true };
 * ```
 */
export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
}

/**
 * The photos a step needs: at least `min` of them, and at least one carrying each tag of
 * `requiredTags` (angles like `front-left`, shots like `vin`).
 *
 * @example
 * ```ts
 * const intake: PhotoRule = { min: 6, requiredTags: ['front-left', 'front-right', 'rear-left', 'rear-right', 'vin', 'odometer'] };
 * ```
 */
export interface PhotoRule {
  min: number;
  requiredTags?: readonly string[];
}

/**
 * An environment window a product is applied in. Temperatures in °C, humidity in % RH;
 * `minDewPointMarginC` asks the surface to be that many degrees above the dew point.
 *
 * @example
 * ```ts
 * const film: EnvironmentWindow = { minTempC: 10, maxTempC: 35, maxHumidityPct: 80 };
 * ```
 */
export interface EnvironmentWindow {
  minTempC: number;
  maxTempC: number;
  maxHumidityPct: number;
  minDewPointMarginC?: number;
}

/**
 * Readings taken in the bay: ambient temperature (°C), relative humidity (%) and, when the
 * product has a dew-point margin, the panel surface temperature (°C).
 *
 * @example
 * ```ts
 * const reading: EnvironmentReading = { temperatureC: 19, humidityPct: 55, surfaceTempC: 18 };
 * ```
 */
export interface EnvironmentReading {
  temperatureC: number;
  humidityPct: number;
  surfaceTempC?: number;
}

/**
 * The environment check of one submission: which product's window applies to which reading.
 *
 * @example
 * ```ts
 * const gate: EnvironmentGate = { product: 'Gtechniq Crystal Serum Ultra', reading, window };
 * ```
 */
export interface EnvironmentGate {
  product: string;
  reading: EnvironmentReading;
  window: EnvironmentWindow;
}

/**
 * Material a step consumes, derived from its data: a stock movement written in the same
 * transaction as the step. `kind: 'waste'` records offcuts and spoiled product.
 *
 * @example
 * ```ts
 * const hood: Consumption = { sku: 'XPEL-ULTIMATE-60', lot: 'R-2026-118', quantity: 2.4, kind: 'consumption', zone: 'hood' };
 * ```
 */
export interface Consumption {
  sku: string;
  lot?: string;
  quantity: number;
  kind: 'consumption' | 'waste';
  zone?: string;
  note?: string;
}

/**
 * What a step's own checks see: the submitted (parsed) data, the machine context, and the
 * event time in ms (never the wall clock).
 *
 * @example
 * ```ts
 * const check = ({ data, at }: StepCheckInput<{ doneAt: number }>) => (data.doneAt > at ? ['doneAt is in the future'] : []);
 * ```
 */
export interface StepCheckInput<D> {
  data: D;
  context: Record<string, unknown>;
  at: number;
  /** The live photos stored for the step (ids and tags: angle, `zone:<zone>`, `panel:<panel>`). */
  photos: readonly { id: string; tags: readonly string[] }[];
}

/**
 * One step of a workflow: a top-level state of the plugin's machine with the same id.
 *
 * @example
 * ```ts
 * const preparation = defineStep({
 *   id: 'preparation',
 *   title: 'Preparation',
 *   estimatedMinutes: 90,
 *   data: z.object({ rollId: z.string() }),
 *   checklist: [{ id: 'wash', label: 'Wash', required: true }],
 *   photos: { min: 0 },
 * });
 * ```
 */
export interface StepDefinition<D = unknown> {
  id: string;
  title: string;
  /** What a typical job spends on this step; the report compares it with the actual time. */
  estimatedMinutes: number;
  /** The schema of what must be submitted. */
  data: z.ZodMiniType<D>;
  checklist: readonly ChecklistItem[];
  photos: PhotoRule;
  /** The environment gates this submission must pass (per product), if any. */
  environment?(data: D): readonly EnvironmentGate[];
  /** Further preconditions; each returned string names something missing or out of range. */
  check?(input: StepCheckInput<D>): readonly string[];
  /** The material the submitted data implies. */
  consumes?(data: D): readonly Consumption[];
}

/**
 * A persisted XState snapshot as stored with an intervention (the result of
 * `machine.getPersistedSnapshot`, JSON-safe).
 *
 * @example
 * ```ts
 * const s: PersistedWorkflowSnapshot = { status: 'active', value: 'inspection', context: {}, children: {}, historyValue: {} };
 * ```
 */
export interface PersistedWorkflowSnapshot {
  status: string;
  value: unknown;
  context: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Moves an in-flight instance from version `from` to `from + 1`. It returns the new snapshot,
 * or throws (any error) to say the instance cannot be migrated, with the reason as message.
 *
 * @example
 * ```ts
 * const addLot: WorkflowMigration = { from: 1, migrate: (s) => ({ ...s, context: { ...s.context, lots: [] } }) };
 * ```
 */
export interface WorkflowMigration {
  from: number;
  migrate(snapshot: PersistedWorkflowSnapshot): PersistedWorkflowSnapshot;
}

/**
 * What the runtime gives the machine as input when an intervention starts.
 *
 * @example
 * ```ts
 * const input: WorkflowInput = { taskId: 't-1', coverage: ['hood', 'bumper'], startedAt: 1764144000000 };
 * ```
 */
export interface WorkflowInput {
  taskId: string;
  /** The zones or panels the task covers. */
  coverage: string[];
  /** Engine time (ms) of the start. */
  startedAt: number;
}

/**
 * What people read of one step in one locale. `fields` and `options` are keyed by the field's
 * dotted path in the step's data without list indices (`panels.readingsUm`, `cut.method`);
 * `checklist` by item id; `photos` by shot tag (a required tag, or one a check asks for such
 * as `zone:hood`). Anything left out falls back to English, then to the plugin's own text.
 *
 * @example
 * ```ts
 * const fr: StepLabels = {
 *   title: 'Inspection',
 *   fields: { panels: 'Panneaux', 'panels.readingsUm': 'Mesures (µm)' },
 *   options: { 'defects.severity': { low: 'Faible', medium: 'Moyenne', high: 'Élevée' } },
 *   checklist: { walkaround: 'Tour du véhicule avec le client' },
 *   photos: { vin: 'Numéro de série (VIN)' },
 * };
 * ```
 */
export interface StepLabels {
  title?: string;
  /** A sentence or two shown under the step's title. */
  help?: string;
  fields?: Readonly<Record<string, string>>;
  options?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  checklist?: Readonly<Record<string, string>>;
  photos?: Readonly<Record<string, string>>;
}

/**
 * What people read of a workflow in one locale: its title and, by step id, its steps' labels.
 *
 * @example
 * ```ts
 * const fr: WorkflowLabels = { title: 'Pose de film', steps: { prep: { title: 'Préparation des vitres' } } };
 * ```
 */
export interface WorkflowLabels {
  title?: string;
  steps?: Readonly<Record<string, StepLabels>>;
}

/**
 * An intervention type: an XState v5 machine whose top-level states are the steps, the step
 * definitions in order, and the migrations that bring older in-flight instances to this version.
 * Build one with `defineWorkflow`, which checks it.
 *
 * @example
 * ```ts
 * const tint = defineWorkflow({ id: 'window-tint', version: 1, title: 'Window tint', machine, steps: [prep, film] });
 * ```
 */
export interface WorkflowPlugin {
  id: string;
  /** Integer ≥ 1; bump on any change of the machine's shape. */
  version: number;
  title: string;
  machine: AnyStateMachine;
  steps: readonly StepDefinition[];
  migrations: readonly WorkflowMigration[];
  /** Refuses a start (each string a reason), e.g. an express variant on too many zones. */
  canStart?(input: WorkflowInput): readonly string[];
  /** Labels by locale (`en` required when given, `fr`, …); `defineWorkflow` checks they name real steps and fields. */
  labels?: Readonly<Record<string, WorkflowLabels>>;
}

/**
 * The events the runtime stamps before they reach a machine: `at` (engine time, ms) and `by`
 * (the principal's user id). Guards read time from `at`, never from the wall clock.
 *
 * @example
 * ```ts
 * const guard = ({ context, event }: { context: { releaseAt: number }; event: StampedEvent }) => event.at >= context.releaseAt;
 * ```
 */
export interface StampedEvent {
  type: string;
  at: number;
  by: string;
  [key: string]: unknown;
}

/**
 * The event that submits a step: its id, its data, the ticked checklist items and the step's
 * photos (ids and tags). `interventions.send` fills `photos` from the `photos` collection (the
 * live photos uploaded for the step), so the rules count real stored photos; the runtime checks
 * all of it against the step definition before the machine sees the event.
 *
 * @example
 * ```ts
 * await shop.interventions.send(id, { type: 'STEP.SUBMIT', step: 'preparation', data: { rollId: 'R-7' }, checklist: ['wash'] });
 * ```
 */
export interface StepSubmitEvent {
  type: 'STEP.SUBMIT';
  step: string;
  data: unknown;
  checklist?: string[];
  photos?: { id: string; tags: string[] }[];
}

/**
 * The event type that submits a step.
 *
 * @example
 * ```ts
 * if (event.type === STEP_SUBMIT) checkSubmission(step, event, context, event.at);
 * ```
 */
export const STEP_SUBMIT = 'STEP.SUBMIT';
