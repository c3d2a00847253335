import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { neutraliseCell, restoreCell } from '../csv-cells.js';
import { parseCsv, writeCsv } from '../csv-format.js';

const columns = ['name', 'notes', 'amount'];
const parse = (text: string, maxRows = 100) => parseCsv(text, { columns, required: ['name'], maxRows });

describe('CSV cells and files', () => {
  it('neutralises formula cells and restores them exactly', () => {
    expect(neutraliseCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutraliseCell('@cmd')).toBe("'@cmd");
    expect(neutraliseCell("'=already")).toBe("''=already");
    expect(neutraliseCell('Léa')).toBe('Léa');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const safe = neutraliseCell(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(restoreCell(safe)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes RFC 4180: quotes doubled, newlines and delimiters quoted, CRLF rows', () => {
    const csv = writeCsv(columns, [
      { name: 'Garage "Chez Léa"', notes: 'line 1\nline 2, more', amount: 12.5 },
    ]);
    expect(csv).toBe('name,notes,amount\r\n"Garage ""Chez Léa""","line 1\nline 2, more",12.5');
  });

  it('reads French Excel: BOM, semicolons, accents, quoted newlines, with the line each row starts on', () => {
    const text =
      '\uFEFFName;Notes;Amount\r\n"Élodie Dupré";"Capot\r\nAiles";"12,5"\r\n\r\nJosé;"dit ""bonjour""";3\r\n';
    const table = parse(text);
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      { line: 2, cells: { name: 'Élodie Dupré', notes: 'Capot\r\nAiles', amount: '12,5' } },
      { line: 5, cells: { name: 'José', notes: 'dit "bonjour"', amount: '3' } },
    ]);
  });

  it('reports rows it cannot read with their line numbers and keeps the others', () => {
    const table = parse('name,notes,amount\nok,1,2\nshort\nfine,"a\nb",3\n"broken"x,1,2\n');
    expect(table.rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, 'ok'],
      [4, 'fine'],
    ]);
    expect(table.problems.map((p) => p.line)).toEqual([3, 6]);
    expect(table.problems[0]!.reason).toContain('1 cells, the header 3');
  });

  it('round-trips hostile text through write and parse, in both delimiters', () => {
    const hostile = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (pairs, semi) => {
          const records = pairs.map(([name, notes]) => ({ name: `n${name.trim()}`, notes: notes.trim() }));
          const csv = writeCsv(['name', 'notes'], records, { delimiter: semi ? ';' : ',', bom: semi });
          const table = parseCsv(csv, { columns: ['name', 'notes'], required: ['name'], maxRows: 10 });
          expect(table.problems).toEqual([]);
          expect(table.rows.map((r) => r.cells)).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a file without the required column or over the row cap', () => {
    expect(() => parse('notes\nx\n')).toThrow(/lacks the column\(s\) name/);
    expect(() => parse('name\na\nb\nc\n', 2)).toThrow(EngineError);
    expect(() => parse('')).toThrow(/empty/);
  });
});
