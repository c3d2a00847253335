import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { EngineError } from '../../kernel/engine-error.js';
import { parseCsv } from '../csv-format.js';

const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});

async function shopEngine() {
  const engine = await createEngine({
    storage: sqljsStorage(),
    clock: new FakeClock('2026-03-02T08:00:00Z'),
  });
  engines.push(engine);
  const as = (role: 'admin' | 'supervisor' | 'technician' | 'viewer') =>
    engine.as(engine.auth.trust({ userId: `${role}-1`, role }));
  return { engine, boss: as('supervisor'), as };
}

async function count(engine: Engine, collection: string): Promise<number> {
  return engine.storage.read((tx) => tx.count(collection, undefined, 'all'));
}

describe('CSV import of clients', () => {
  it('imports the valid rows of a French Excel file and reports each bad row by line', async () => {
    const { boss } = await shopEngine();
    const csv = [
      '\uFEFFname;email;phone;city;postalCode;addressLine1;country;notes;tags',
      '"Élodie Dupré";elodie@example.fr;+33 6 12 34 56 78;Lyon;69001;"3 rue de la Ré";FR;"Capot\r\nAiles";vip|fleet',
      'José Müller;not-an-email;;;;;;;',
      ';anonymous@example.fr;;;;;;;',
      '"Garage ""Chez Léa""";;;;;;;"=HYPERLINK(""http://evil"")";',
      'too;few',
    ].join('\r\n');
    const report = await boss.csv.importClients({ csv });
    expect(report.total).toBe(5);
    expect(report.imported.map((r) => r.line)).toEqual([2, 6]);
    expect(report.failed.map((f) => [f.line, f.code])).toEqual([
      [4, 'VALIDATION'],
      [5, 'VALIDATION'],
      [7, 'VALIDATION'],
    ]);
    expect(report.failed[0]!.reason).toMatch(/^email: /);
    expect(report.failed[1]!.reason).toMatch(/^name: /);
    const elodie = await boss.clients.get({ id: report.imported[0]!.id });
    expect(elodie).toMatchObject({
      name: 'Élodie Dupré',
      phone: '+33 6 12 34 56 78',
      address: { line1: '3 rue de la Ré', city: 'Lyon', postalCode: '69001', country: 'FR' },
      notes: 'Capot\r\nAiles',
      tags: ['vip', 'fleet'],
    });
    const garage = await boss.clients.get({ id: report.imported[1]!.id });
    expect(garage).toMatchObject({ name: 'Garage "Chez Léa"', notes: '=HYPERLINK("http://evil")' });
  });

  it('neutralises formula cells in the export', async () => {
    const { boss } = await shopEngine();
    await boss.clients.create({ name: '=cmd|" /C calc"!A0', phone: '+33 6 12 34 56 78', notes: '@SUM(1)' });
    const csv = await boss.csv.exportClients();
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(row).toContain("'+33 6 12 34 56 78");
    expect(row).toContain("'@SUM(1)");
    expect(row).not.toMatch(/(^|,)[=+@-]/);
  });

  it('reports progress after each chunk of a long import', async () => {
    const { boss } = await shopEngine();
    const rows = Array.from({ length: 250 }, (_, i) => `Client ${i}`);
    const seen: Array<[number, number]> = [];
    const report = await boss.csv.importClients({
      csv: ['name', ...rows].join('\n'),
      onProgress: (p) => seen.push([p.processed, p.total]),
    });
    expect(report.imported).toHaveLength(250);
    expect(seen).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('refuses a file over the row cap before writing anything', async () => {
    const { boss, engine } = await shopEngine();
    const error = await boss.csv
      .importClients({ csv: 'name\na\nb\nc\n', maxRows: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('VALIDATION');
    expect(await count(engine, 'clients')).toBe(0);
  });

  it('lets supervisors import and export, not technicians or viewers', async () => {
    const { as } = await shopEngine();
    for (const role of ['technician', 'viewer'] as const) {
      const shop = as(role);
      await expect(shop.csv.importClients({ csv: 'name\nLéa' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(shop.csv.exportTasks()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(as('admin').csv.importClients({ csv: 'name\nLéa' })).resolves.toMatchObject({ total: 1 });
  });
});

describe('CSV import of tasks', () => {
  it('applies each row whole or not at all: a duplicate VIN refuses its row and leaves no vehicle behind', async () => {
    const { boss, engine } = await shopEngine();
    const client = await boss.clients.create({ name: 'Léa Martin' });
    const vin = '5YJ3E1EA2KF317000';
    const csv = [
      'title,clientId,service,vehicleMake,vehicleModel,vehicleVin',
      `Full front,${client.id},ppf,Tesla,Model 3,${vin}`,
      `Ceramic,${client.id},ceramic,Tesla,Model 3,${vin}`,
      `Hood only,${client.id},ppf,,,`,
      `Unknown client,nobody,ppf,,,`,
    ].join('\n');
    const report = await boss.csv.importTasks({ csv });
    expect(report.imported.map((r) => r.line)).toEqual([2, 4]);
    expect(report.failed.map((f) => [f.line, f.code])).toEqual([
      [3, 'CONFLICT'],
      [5, 'NOT_FOUND'],
    ]);
    expect(await count(engine, 'vehicles')).toBe(1);
    expect(await count(engine, 'tasks')).toBe(2);
  });

  it('round-trips: export from one shop, import into a fresh one, same clients and tasks', async () => {
    const source = await shopEngine();
    const lea = await source.boss.clients.create({
      name: 'Léa "la Reine" Martin',
      email: 'lea@example.fr',
      phone: '+33 6 12 34 56 78',
      address: { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' },
      tags: ['vip'],
      notes: 'Allergique au citron;\nrappeler le lundi',
    });
    const dupont = await source.boss.clients.create({
      kind: 'business',
      name: 'Garage Dupont, SARL',
      taxId: 'FR40303265045',
    });
    await source.boss.tasks.create({
      title: 'Full front PPF',
      clientId: lea.id,
      service: 'ppf',
      coverage: ['hood', 'front_bumper'],
      priority: 'high',
      technicianId: 'tech-1',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      scheduledEnd: '2026-03-30T15:00:00.000Z',
      estimate: { minutes: 480, amount: 1890.5 },
      vehicle: { make: 'Porsche', model: '911', year: 2022, plate: 'AB-123-CD' },
      notes: '-10% fidélité',
      tags: ['matte'],
    });
    await source.boss.tasks.create({ title: 'Ceramic', clientId: dupont.id, service: 'ceramic' });

    const clientsCsv = await source.boss.csv.exportClients({ delimiter: ';', bom: true });
    const tasksCsv = await source.boss.csv.exportTasks();
    const target = await shopEngine();
    const clientReport = await target.boss.csv.importClients({ csv: clientsCsv });
    const taskReport = await target.boss.csv.importTasks({ csv: tasksCsv });
    expect(clientReport.failed).toEqual([]);
    expect(taskReport.failed).toEqual([]);
    expect(clientReport.ignoredColumns).toEqual([]);

    expect(await target.boss.csv.exportClients({ delimiter: ';', bom: true })).toBe(clientsCsv);
    expect(await target.boss.csv.exportTasks()).toBe(await exportWithoutVehicleIds(source.boss, target.boss));
    const again = await target.boss.csv.importClients({ csv: clientsCsv });
    expect(again.imported).toEqual([]);
    expect(again.failed.map((f) => f.code)).toEqual(['CONFLICT', 'CONFLICT']);
  });
});

type Shop = Awaited<ReturnType<typeof shopEngine>>['boss'];

/**
 * The source's task export with its vehicle ids replaced by the target's: vehicles travel in the
 * task rows' vehicle columns and get new ids in the shop that imports them.
 */
async function exportWithoutVehicleIds(source: Shop, target: Shop): Promise<string> {
  const columns = ['id', 'vehicleId'];
  const read = async (shop: Shop) =>
    parseCsv(await shop.csv.exportTasks(), { columns, required: columns, maxRows: 10 }).rows.map(
      (r) => r.cells,
    );
  const targetVehicle = new Map((await read(target)).map((c) => [c.id, c.vehicleId]));
  let csv = await source.csv.exportTasks();
  for (const { id, vehicleId } of await read(source)) {
    if (vehicleId) csv = csv.replace(vehicleId, targetVehicle.get(id!) ?? '');
  }
  return csv;
}
