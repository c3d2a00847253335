import { afterEach, describe, expect, it } from 'vitest';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import { phoneWords, plateKey } from '../search-text.js';

let t: TestShop;
afterEach(async () => {
  await t.engine.close();
});

describe('clients', () => {
  it('creates individuals and businesses with contact, address, tax id, tags and notes', async () => {
    t = await testShop();
    const garage = await t.supervisor.clients.create({
      kind: 'business',
      name: 'Garage Dupont',
      contactName: 'Marc Dupont',
      email: 'contact@garage-dupont.fr',
      phone: '+33 1 23 45 67 89',
      address: { line1: '12 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' },
      taxId: 'FR40303265045',
      tags: ['fleet'],
      notes: 'Invoices by email',
    });
    expect(garage).toMatchObject({ kind: 'business', contactName: 'Marc Dupont', tags: ['fleet'] });
    expect(garage.stats).toEqual({ tasks: 0, completed: 0, totalBilled: 0, lastVisitAt: null });
    const lea = await t.supervisor.clients.create({ name: 'Léa Martin' });
    expect(lea.kind).toBe('individual');
    const page = await t.viewer.clients.list();
    expect(page.items.map((c) => c.name)).toEqual(['Garage Dupont', 'Léa Martin']);
  });

  it('refuses invalid contact data with the field path', async () => {
    t = await testShop();
    await expect(t.supervisor.clients.create({ name: 'x', email: 'not-an-email' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: 'email' })] },
    });
    await expect(
      t.supervisor.clients.create({
        name: 'x',
        address: { line1: 'a', postalCode: '1', city: 'b', country: 'France' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: 'address.country' })] },
    });
  });

  it('finds clients by name (accents and case ignored), email, phone in national form, and plate', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({
      name: 'Léa Martin',
      phone: '+33 6 12 34 56 78',
      email: 'lea@example.fr',
    });
    const marc = await t.supervisor.clients.create({ name: 'Marc Dupont', phone: '01 23 45 67 89' });
    await t.supervisor.vehicles.create({
      clientId: marc.id,
      make: 'Porsche',
      model: '911',
      plate: 'AB-123-CD',
    });
    const ids = async (text: string) => (await t.viewer.clients.search({ text })).map((c) => c.id);
    expect(await ids('LEA mar')).toEqual([lea.id]);
    expect(await ids('lea@exa')).toEqual([lea.id]);
    expect(await ids('0612')).toEqual([lea.id]);
    expect(await ids('0123')).toEqual([marc.id]);
    expect(await ids('AB123')).toEqual([marc.id]);
    expect(await ids('ab-123')).toEqual([marc.id]);
    expect(await ids('dupont porsche')).toEqual([]);
  });

  it('hides deleted clients from lists and searches until restored', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa Martin' });
    await t.supervisor.clients.delete({ id: lea.id });
    expect(await t.viewer.clients.search({ text: 'lea' })).toEqual([]);
    expect((await t.viewer.clients.list()).items).toEqual([]);
    await expect(t.viewer.clients.get({ id: lea.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.supervisor.trash.restore({ collection: 'clients', id: lea.id });
    expect((await t.viewer.clients.search({ text: 'lea' })).map((c) => c.id)).toEqual([lea.id]);
  });

  it('refuses to delete a client who still has vehicles', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa Martin' });
    await t.supervisor.vehicles.create({ clientId: lea.id, make: 'Tesla', model: 'Model 3' });
    await expect(t.supervisor.clients.delete({ id: lea.id })).rejects.toMatchObject({ code: 'PRECONDITION' });
  });

  it('keeps stats right as tasks are created, completed, deleted and restored', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa Martin' });
    const base = {
      clientId: lea.id,
      service: 'ppf',
      title: 'Front PPF',
      scheduledStart: '2026-03-03T08:00:00Z',
    };
    const a = await t.supervisor.tasks.create({ ...base, estimate: { minutes: 480, amount: 1800 } });
    const b = await t.supervisor.tasks.create({ ...base, estimate: { minutes: 120, amount: 300 } });
    expect((await t.viewer.clients.get({ id: lea.id })).stats).toEqual({
      tasks: 2,
      completed: 0,
      totalBilled: 0,
      lastVisitAt: null,
    });
    await t.supervisor.tasks.changeStatus({ id: a.id, to: 'in_progress' });
    t.clock.advance(3_600_000);
    await t.supervisor.tasks.changeStatus({ id: a.id, to: 'completed', billedAmount: 1750.5 });
    expect((await t.viewer.clients.get({ id: lea.id })).stats).toEqual({
      tasks: 2,
      completed: 1,
      totalBilled: 1750.5,
      lastVisitAt: '2026-03-02T10:00:00.000Z',
    });
    await t.supervisor.tasks.delete({ id: a.id });
    expect((await t.viewer.clients.get({ id: lea.id })).stats).toEqual({
      tasks: 1,
      completed: 0,
      totalBilled: 0,
      lastVisitAt: null,
    });
    await t.supervisor.trash.restore({ collection: 'tasks', id: a.id });
    expect((await t.viewer.clients.get({ id: lea.id })).stats.totalBilled).toBe(1750.5);
    expect(b.status).toBe('scheduled');
  });
});

describe('search text helpers', () => {
  it('makes one word of a plate and national forms of an international phone', () => {
    expect(plateKey('ab-123 cd')).toBe('AB123CD');
    expect(phoneWords('+33 6 12 34 56 78')).toEqual(['33612345678', '0612345678']);
    expect(phoneWords('+33612345678')).toContain('0612345678');
    expect(phoneWords('06 12 34 56 78')).toEqual(['0612345678']);
    expect(phoneWords('no digits')).toEqual([]);
  });
});
