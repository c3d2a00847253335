import Papa from 'papaparse';
import { EngineError } from '../kernel/engine-error.js';
import { neutraliseCell, restoreCell } from './csv-cells.js';

/**
 * The delimiters an import recognises: comma (RFC 4180), semicolon (French Excel), tab.
 *
 * @example
 * ```ts
 * const french: CsvDelimiter = ';';
 * ```
 */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * One data row of a CSV file: its line number in the file (1-based, counting the header, where
 * the row starts — a quoted field with newlines spans several lines) and its cells by column.
 *
 * @example
 * ```ts
 * const row: CsvRow = { line: 2, cells: { name: 'Léa Martin', email: 'lea@example.fr' } };
 * ```
 */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * A row that could not be read, or was refused, and why.
 *
 * @example
 * ```ts
 * const bad: RowProblem = { line: 7, reason: 'email: expected an email address', code: 'VALIDATION' };
 * ```
 */
export interface RowProblem {
  line: number;
  reason: string;
  code: string;
}

/**
 * A parsed CSV file: the recognised columns, the rows, and the rows that could not be read.
 *
 * @example
 * ```ts
 * const { rows, problems }: CsvTable = parseCsv(text, { columns, required: ['name'], maxRows: 1000 });
 * ```
 */
export interface CsvTable {
  delimiter: CsvDelimiter;
  columns: string[];
  ignoredColumns: string[];
  rows: CsvRow[];
  problems: RowProblem[];
}

function detectDelimiter(headerLine: string): CsvDelimiter {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  const counts: Array<[CsvDelimiter, number]> = [
    [',', outsideQuotes.split(',').length],
    [';', outsideQuotes.split(';').length],
    ['\t', outsideQuotes.split('\t').length],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

const normalise = (name: string) => name.trim().toLowerCase();

/** Line breaks (CRLF, LF or a lone CR, as papaparse accepts them) in `text[from, to)`. */
function lineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks;
}

/**
 * Parses CSV text with papaparse into rows keyed by the known `columns` (header names matched
 * case-insensitively; a UTF-8 BOM and the delimiter — comma, semicolon or tab, from the header
 * line — are handled). Cells are un-neutralised ({@link restoreCell}) and trimmed. Blank lines are
 * skipped; a row with a quoting error or the wrong number of cells becomes a problem with its
 * line number. Refuses with `VALIDATION` a file without a header, missing a `required` column,
 * or with more than `maxRows` data rows.
 *
 * @example
 * ```ts
 * const table = parseCsv('\uFEFFname;email\r\n"Léa";lea@example.fr\r\n', { columns: ['name', 'email'], required: ['name'], maxRows: 10 });
 * table.rows; // [{ line: 2, cells: { name: 'Léa', email: 'lea@example.fr' } }]
 * ```
 */
export function parseCsv(
  text: string,
  options: { columns: readonly string[]; required: readonly string[]; maxRows: number },
): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body.split(/\r\n|\n|\r/, 1)[0] ?? '');
  const known = new Map(options.columns.map((c) => [normalise(c), c]));
  let header: Array<string | undefined> | undefined;
  let ignoredColumns: string[] = [];
  const rows: CsvRow[] = [];
  const problems: RowProblem[] = [];
  let consumed = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const startLine = line;
      const cursor = result.meta.cursor;
      line += lineBreaks(body, consumed, cursor);
      consumed = cursor;
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (!header) {
        header = cells.map((name) => known.get(normalise(name)));
        ignoredColumns = cells.filter((name) => !known.has(normalise(name)));
        return;
      }
      if (rows.length + problems.length >= options.maxRows) {
        parser.abort();
        throw tooMany(options.maxRows);
      }
      const error = result.errors[0];
      if (error) {
        problems.push({ line: startLine, reason: `unreadable CSV: ${error.message}`, code: 'VALIDATION' });
      } else if (cells.length !== header.length) {
        const reason = `the row has ${cells.length} cells, the header ${header.length}`;
        problems.push({ line: startLine, reason, code: 'VALIDATION' });
      } else {
        rows.push({ line: startLine, cells: cellsOf(header, cells) });
      }
    },
  });
  if (!header) throw new EngineError('VALIDATION', 'the CSV file is empty: it needs a header row');
  const columns = header.filter((c): c is string => c !== undefined);
  const missing = options.required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new EngineError('VALIDATION', `the CSV header lacks the column(s) ${missing.join(', ')}`, {
      details: { missing, found: columns },
    });
  }
  return { delimiter, columns, ignoredColumns, rows, problems };
}

function cellsOf(header: Array<string | undefined>, cells: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((column, i) => {
    if (column !== undefined) record[column] = restoreCell(cells[i]!.trim());
  });
  return record;
}

function tooMany(maxRows: number): EngineError {
  return new EngineError('VALIDATION', `the CSV file has more than ${maxRows} rows`, {
    details: { maxRows },
  });
}

/**
 * A value of an exported cell (null and undefined become empty cells).
 *
 * @example
 * ```ts
 * const cell: CsvValue = 12.5;
 * ```
 */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Writes records as RFC 4180 CSV with papaparse: a header row, CRLF line ends, fields with the
 * delimiter, quotes or newlines quoted, and every text cell neutralised against formula
 * injection ({@link neutraliseCell}). `delimiter: ';'` and `bom: true` suit French Excel.
 *
 * @example
 * ```ts
 * writeCsv(['name', 'notes'], [{ name: 'Léa', notes: '=1+1' }]); // "name,notes\r\nLéa,'=1+1"
 * ```
 */
export function writeCsv(
  columns: readonly string[],
  records: ReadonlyArray<Record<string, CsvValue>>,
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const data = records.map((record) =>
    columns.map((column) => {
      const value = record[column];
      if (value === null || value === undefined) return '';
      return typeof value === 'string' ? neutraliseCell(value) : String(value);
    }),
  );
  const csv = Papa.unparse(
    { fields: [...columns], data },
    { delimiter: options.delimiter ?? ',', newline: '\r\n' },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}
