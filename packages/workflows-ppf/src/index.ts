export type { FilmProduct } from './films.js';
export { DEFAULT_FILM_WINDOW, filmProduct } from './films.js';
export type { ThicknessFlag, ThicknessLimits } from './paint-thickness.js';
export { averageUm, DEFAULT_THICKNESS_LIMITS, thicknessFlags } from './paint-thickness.js';
export { ppfLabels } from './ppf-labels.js';
export type { PpfContext } from './ppf-machine.js';
export { ppfMachine } from './ppf-machine.js';
export type { PpfOptions, ResolvedPpfOptions } from './ppf-options.js';
export { resolvePpfOptions } from './ppf-options.js';
export { ppfExpressWorkflow, ppfWorkflow } from './ppf-workflow.js';
export type { FinalizationData } from './steps/finalization.js';
export { finalizationData, finalizationStep, QC_FINDINGS, REWORK_FINDINGS } from './steps/finalization.js';
export type { InspectionData } from './steps/inspection.js';
export { DEFECT_TYPES, INTAKE_SHOTS, inspectionData, inspectionStep } from './steps/inspection.js';
export type { InstallationData } from './steps/installation.js';
export { installationData, installationStep, ZONE_CHECKS } from './steps/installation.js';
export type { PreparationData } from './steps/preparation.js';
export {
  PREPARATION_CHECKLIST,
  preparationData,
  preparationStep,
  rollWarnings,
} from './steps/preparation.js';
export type { PpfZone } from './zones.js';
export { PANEL_NEIGHBOURS, PPF_ZONES, panelsOf } from './zones.js';
