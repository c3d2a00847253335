import { DEFAULT_FILM_WINDOW, type FilmProduct } from './films.js';
import { DEFAULT_THICKNESS_LIMITS, type ThicknessLimits } from './paint-thickness.js';

/**
 * What a shop can set on the PPF workflow. Every field has a default from the domain notes.
 *
 * @example
 * ```ts
 * const options: PpfOptions = { films: { 'PPF-GLOSS-8': { name: 'Gloss 8 mil', window: { minTempC: 12, maxTempC: 32, maxHumidityPct: 75 } } } };
 * ```
 */
export interface PpfOptions {
  /** Film products by SKU with their environment windows; unknown SKUs get 10–35 °C, ≤ 80 %. */
  films?: Readonly<Record<string, FilmProduct>>;
  thickness?: Partial<ThicknessLimits>;
  /** A roll received longer ago than this may lose warranty coverage: the run records a warning. */
  rollShelfLifeDays?: number;
  /** The follow-up check is booked this many days after sign-off. */
  followUpDays?: { min: number; max: number };
}

/**
 * {@link PpfOptions} with every default applied.
 *
 * @example
 * ```ts
 * const options: ResolvedPpfOptions = resolvePpfOptions({ rollShelfLifeDays: 300 });
 * ```
 */
export interface ResolvedPpfOptions {
  films: Readonly<Record<string, FilmProduct>>;
  thickness: ThicknessLimits;
  rollShelfLifeDays: number;
  followUpDays: { min: number; max: number };
}

/**
 * Applies the defaults.
 *
 * @example
 * ```ts
 * resolvePpfOptions({}).rollShelfLifeDays; // 365
 * ```
 */
export function resolvePpfOptions(options: PpfOptions = {}): ResolvedPpfOptions {
  return {
    films: options.films ?? {
      'PPF-GLOSS-8': { name: 'Gloss PPF 8 mil', window: DEFAULT_FILM_WINDOW },
      'PPF-MATTE-8': { name: 'Matte PPF 8 mil', window: { minTempC: 12, maxTempC: 32, maxHumidityPct: 75 } },
    },
    thickness: { ...DEFAULT_THICKNESS_LIMITS, ...options.thickness },
    rollShelfLifeDays: options.rollShelfLifeDays ?? 365,
    followUpDays: options.followUpDays ?? { min: 7, max: 14 },
  };
}
