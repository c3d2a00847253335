import type { EnvironmentWindow } from '@rpma/engine';

/**
 * A coating product with the limits its maker sets: application window, layers, cure times
 * (the vehicle is not released before the minimum), aftercare and warranty terms.
 *
 * @example
 * ```ts
 * COATING_PRODUCTS['COAT-PRO-5Y'].minCureHours.ambient; // 24
 * ```
 */
export interface CoatingProduct {
  name: string;
  window: EnvironmentWindow;
  /** Layers per panel the maker asks for. */
  layers: number;
  /** Minimum cure before release, by method. */
  minCureHours: { ambient: number; ir: number };
  noWashDays: number;
  fullCureDays: number;
  /** The warranty must be registered within this many days. */
  warrantyRegistrationDays: number;
  warrantyYears: number;
  /** Maintenance visits at most this many months apart keep the warranty valid. */
  maintenanceMonths: number;
}

/**
 * Default catalogue: two typical products (domain notes: 10–32 °C, ≤ 80 % RH, ≥ 3 °C over the
 * dew point; dry 12–24 h; no wash 5–7 days; registration 7–30 days; yearly or twice-yearly visits).
 * Shops pass their own with `ceramicWorkflow({ products })`.
 *
 * @example
 * ```ts
 * Object.keys(COATING_PRODUCTS); // ['COAT-PRO-5Y', 'COAT-LITE-1Y']
 * ```
 */
export const COATING_PRODUCTS: Readonly<Record<string, CoatingProduct>> = {
  'COAT-PRO-5Y': {
    name: 'Pro ceramic 5-year',
    window: { minTempC: 10, maxTempC: 32, maxHumidityPct: 80, minDewPointMarginC: 3 },
    layers: 2,
    minCureHours: { ambient: 24, ir: 12 },
    noWashDays: 7,
    fullCureDays: 14,
    warrantyRegistrationDays: 14,
    warrantyYears: 5,
    maintenanceMonths: 12,
  },
  'COAT-LITE-1Y': {
    name: 'Ceramic sealant 1-year',
    window: { minTempC: 10, maxTempC: 30, maxHumidityPct: 75, minDewPointMarginC: 3 },
    layers: 1,
    minCureHours: { ambient: 12, ir: 6 },
    noWashDays: 5,
    fullCureDays: 7,
    warrantyRegistrationDays: 30,
    warrantyYears: 1,
    maintenanceMonths: 6,
  },
};

/**
 * Clear coat removed beyond this (µm) during correction is a risk someone must accept.
 *
 * @example
 * ```ts
 * if (before - after > MAX_CLEAR_COAT_REMOVAL_UM) askForRiskAcceptance();
 * ```
 */
export const MAX_CLEAR_COAT_REMOVAL_UM = 7.6;

/**
 * Coating over self-healing film: at most this many layers.
 *
 * @example
 * ```ts
 * const layers = Math.min(requested, MAX_LAYERS_OVER_FILM);
 * ```
 */
export const MAX_LAYERS_OVER_FILM = 3;
