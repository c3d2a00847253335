import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AnyOperation } from '../command.js';
import type { Principal } from '../principal.js';
import { expectHostileInputHandled, type HostileCase, hostileInput } from './hostile-kit.js';
import { type TestShop, testShop } from './test-engine.js';

const hostileString = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE clients; --",
    '" OR 1=1 --',
    'x\') UNION SELECT * FROM "doc:auditEvents" --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    'a\u200Bb',
    '🚗💥'.repeat(50),
    'Ŀéå Ḿàřťîñ',
    '__proto__',
    'constructor',
    '   ',
    '',
    '*',
    'NEAR/3',
    '"unterminated',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 10_001, max: 40_000 }).map((n) => '<b>'.repeat(Math.ceil(n / 3))),
);

let t: TestShop;
let cases: HostileCase[];
let foreignIds: string[];
const admin: Principal = { userId: 'admin-hostile', role: 'admin' };

beforeAll(async () => {
  t = await testShop();
  const s = t.supervisor;
  const lea = await s.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
  const marc = await s.clients.create({ name: 'Marc Dupont' });
  const gone = await s.clients.create({ name: 'Gone' });
  await s.clients.delete({ id: gone.id });
  const carA = await s.vehicles.create({
    clientId: lea.id,
    make: 'Porsche',
    model: '911',
    plate: 'AB-123-CD',
  });
  const carB = await s.vehicles.create({ clientId: marc.id, make: 'BMW', model: 'M3' });
  const task = await s.tasks.create({
    clientId: lea.id,
    vehicleId: carA.id,
    service: 'ppf',
    title: 'Full front',
    technicianId: 'tech-1',
    scheduledStart: '2026-03-03T08:00:00Z',
  });
  const outbox = await t.admin.outbox.pending({ limit: 2 });
  foreignIds = [
    lea.id,
    marc.id,
    gone.id,
    carA.id,
    carB.id,
    task.id,
    'settings',
    '00000000-0000-7000-8000-000000000000',
  ];
  const ops = Object.fromEntries(t.engine.operations().map((op) => [op.name, op]));
  const op = (name: string): AnyOperation => {
    const found = ops[name];
    if (!found) throw new Error(`no operation ${name}`);
    return found;
  };
  cases = [
    { operation: op('clients.create'), base: { name: 'New', email: 'new@example.fr' }, ids: [] },
    { operation: op('clients.update'), base: { id: lea.id, rev: 1, notes: 'n' }, ids: ['id'] },
    { operation: op('clients.delete'), base: { id: marc.id }, ids: ['id'] },
    {
      operation: op('vehicles.create'),
      base: { clientId: lea.id, make: 'Audi', model: 'RS6' },
      ids: ['clientId'],
    },
    {
      operation: op('vehicles.update'),
      base: { id: carA.id, rev: carA.rev, colour: 'Red' },
      ids: ['id', 'clientId'],
    },
    { operation: op('vehicles.delete'), base: { id: carA.id }, ids: ['id'] },
    {
      operation: op('tasks.create'),
      base: { clientId: lea.id, vehicleId: carA.id, service: 'ppf', title: 'Hood' },
      ids: ['clientId', 'vehicleId'],
    },
    {
      operation: op('tasks.update'),
      base: { id: task.id, rev: task.rev, notes: 'x' },
      ids: ['id', 'vehicleId'],
    },
    {
      operation: op('tasks.changeStatus'),
      base: { id: task.id, rev: task.rev, to: 'in_progress' },
      ids: ['id'],
    },
    {
      operation: op('tasks.delay'),
      base: { id: task.id, rev: task.rev, reason: 'Parts', scheduledStart: '2026-03-09T08:00:00Z' },
      ids: ['id'],
    },
    { operation: op('tasks.delete'), base: { id: task.id, rev: task.rev }, ids: ['id'] },
    { operation: op('trash.restore'), base: { collection: 'clients', id: gone.id }, ids: ['id'] },
    { operation: op('trash.purge'), base: { collection: 'clients', id: gone.id }, ids: ['id'] },
    { operation: op('settings.update'), base: { rev: 0, currency: 'EUR' }, ids: [] },
    // acknowledging unknown or already acknowledged ids is an accepted no-op, so fewer refusals
    { operation: op('outbox.ack'), base: { ids: outbox.items.map((r) => r.id) }, ids: [], minRefused: 50 },
  ];
});

afterAll(async () => {
  await t.engine.close();
});

describe('hostile input to every domain command', () => {
  it('is refused with a useful EngineError and leaves the store unchanged, or accepted as ordinary data', async () => {
    const values = {
      text: hostileString,
      foreignIds,
      extraKeys: ['deletedAt', 'createdBy', 'stats', 'number', 'rev2'],
    };
    await expectHostileInputHandled(t.engine, admin, cases, (c) => hostileInput(c, values), {
      minRefused: 150,
    });
  }, 300_000);
});
