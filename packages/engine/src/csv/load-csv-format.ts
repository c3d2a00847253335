import { lazyModule } from '../kernel/lazy-module.js';

/**
 * The CSV reader and writer (`csv-format.ts`, papaparse with it), fetched on the first CSV import
 * or export rather than at start: most sessions never touch CSV.
 *
 * @example
 * ```ts
 * const { writeCsv } = await loadCsvFormat();
 * return writeCsv(CLIENT_COLUMNS, records);
 * ```
 */
export const loadCsvFormat = lazyModule('CSV reader and writer (papaparse)', () => import('./csv-format.js'));
