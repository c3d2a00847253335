import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.js';

/** A locale the components are translated into: `'en'` (source) or `'fr'`. */
export type RpmaLocale = (typeof allLocales)[number];

/** Every locale the components ship, source first. */
export const RPMA_LOCALES: readonly RpmaLocale[] = allLocales;

const loaders: Record<Exclude<RpmaLocale, typeof sourceLocale>, () => Promise<LocaleModule>> = {
  fr: () => import('./generated/locales/fr.js'),
};

let runtime: ReturnType<typeof configureLocalization> | undefined;

/**
 * Loads the translated templates of one target locale. For hosts that already called
 * `configureLocalization` themselves: pass this as (part of) their `loadLocale`.
 *
 * @example
 * ```ts
 * configureLocalization({ sourceLocale: 'en', targetLocales: ['fr'], loadLocale: loadRpmaLocale });
 * ```
 */
export function loadRpmaLocale(locale: string): Promise<LocaleModule> {
  const load = loaders[locale as keyof typeof loaders];
  if (!load) return Promise.reject(new Error(`no translations for locale ${locale}`));
  return load();
}

/**
 * Switches every `rpma-` element on the page to `locale` (configuring @lit/localize's runtime
 * mode on first use) and resolves once the translations are loaded and applied.
 *
 * @example
 * ```ts
 * await setRpmaLocale('fr'); // "Préparation", "Capot", …
 * ```
 */
export async function setRpmaLocale(locale: RpmaLocale): Promise<void> {
  runtime ??= configureLocalization({ sourceLocale, targetLocales, loadLocale: loadRpmaLocale });
  await runtime.setLocale(locale);
}

/**
 * The locale the elements currently render in.
 *
 * @example
 * ```ts
 * getRpmaLocale(); // 'en'
 * ```
 */
export function getRpmaLocale(): RpmaLocale {
  return (runtime?.getLocale() ?? sourceLocale) as RpmaLocale;
}
