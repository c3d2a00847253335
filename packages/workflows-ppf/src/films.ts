import type { EnvironmentWindow } from '@rpma/engine';

/**
 * A film product the shop installs: its name and the environment window its maker requires.
 *
 * @example
 * ```ts
 * const film: FilmProduct = { name: 'Gloss PPF 8 mil', window: { minTempC: 10, maxTempC: 35, maxHumidityPct: 80 } };
 * ```
 */
export interface FilmProduct {
  name: string;
  window: EnvironmentWindow;
}

/**
 * The window used for a film the catalogue does not list: roughly 10–35 °C and ≤ 80 % RH
 * (domain notes; makers differ, so shops list their films with their own limits).
 *
 * @example
 * ```ts
 * DEFAULT_FILM_WINDOW.maxHumidityPct; // 80
 * ```
 */
export const DEFAULT_FILM_WINDOW: EnvironmentWindow = { minTempC: 10, maxTempC: 35, maxHumidityPct: 80 };

/**
 * The environment window of `sku` in `films`, or the default one.
 *
 * @example
 * ```ts
 * filmWindow({ 'PPF-MATTE': { name: 'Matte', window } }, 'PPF-MATTE');
 * ```
 */
export function filmProduct(films: Readonly<Record<string, FilmProduct>>, sku: string): FilmProduct {
  return films[sku] ?? { name: sku, window: DEFAULT_FILM_WINDOW };
}
