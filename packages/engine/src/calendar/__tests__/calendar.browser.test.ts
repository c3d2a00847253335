import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../csv/csv-format.js';
import { outsideBusinessHours } from '../business-hours.js';
import { expandSeries } from '../recurrence.js';
import { parseInstant } from '../time-zone.js';

const PARIS = 'Europe/Paris';

describe('calendar and CSV in a browser (bundled rrule and papaparse, the browser’s Intl)', () => {
  it('reads Paris wall times on both sides of the March change', () => {
    expect(parseInstant('2026-03-28T09:00', PARIS)).toBe(Date.parse('2026-03-28T08:00:00Z'));
    expect(parseInstant('2026-03-30T09:00', PARIS)).toBe(Date.parse('2026-03-30T07:00:00Z'));
  });

  it('expands a weekly rule with the bundled rrule, keeping 09:00 local', async () => {
    const weekly = {
      start: '2026-03-23T08:00:00Z',
      end: '2026-03-23T10:00:00Z',
      recurrence: 'FREQ=WEEKLY;COUNT=2',
    };
    const found = await expandSeries(
      weekly,
      { start: Date.parse('2026-03-01'), end: Date.parse('2026-04-30') },
      PARIS,
    );
    expect(found.map((o) => new Date(o.start).toISOString())).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(
      outsideBusinessHours(found, { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }, PARIS),
    ).toEqual([]);
  });

  it('writes and reads French Excel CSV with the bundled papaparse', () => {
    const csv = writeCsv(['name', 'notes'], [{ name: 'Élodie', notes: '=1+1;\nok' }], {
      delimiter: ';',
      bom: true,
    });
    const table = parseCsv(csv, { columns: ['name', 'notes'], required: ['name'], maxRows: 5 });
    expect(table.rows).toEqual([{ line: 2, cells: { name: 'Élodie', notes: '=1+1;\nok' } }]);
  });
});
