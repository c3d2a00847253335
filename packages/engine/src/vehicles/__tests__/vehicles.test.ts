import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import { vinCheckDigit, vinProblem } from '../vin.js';

let t: TestShop;
afterEach(async () => {
  await t?.engine.close();
});

describe('VIN rules', () => {
  it('accepts published North-American VINs and a European VIN without a check digit', () => {
    expect(vinProblem('1M8GDM9AXKP042788')).toBeNull();
    expect(vinProblem('11111111111111111')).toBeNull();
    expect(vinProblem('WVWZZZ1JZXW000001')).toBeNull();
  });

  it('refuses wrong length, I/O/Q, and a wrong North-American check digit', () => {
    expect(vinProblem('1M8GDM9AXKP04278')).toMatch(/17 characters/);
    expect(vinProblem('1M8GDM9AXKP04278O')).toMatch(/other than I, O and Q/);
    expect(vinProblem('1M8GDM9A1KP042788')).toBe('check digit should be X, not 1');
  });

  it('detects any single-character change of a North-American VIN at a weighted position', () => {
    const valid = '1M8GDM9AXKP042788';
    const alphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.constantFrom(...alphabet), (position, char) => {
        fc.pre(position !== 8 && position !== 0 && char !== valid[position]);
        const changed = valid.slice(0, position) + char + valid.slice(position + 1);
        const sameValue = vinCheckDigit(changed) === vinCheckDigit(valid);
        expect(vinProblem(changed) === null).toBe(sameValue);
      }),
    );
  });
});

describe('vehicles', () => {
  it('belong to a live client, normalise the VIN, and keep it unique among live vehicles', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa' });
    const car = await t.supervisor.vehicles.create({
      clientId: lea.id,
      make: 'Harley-Davidson',
      model: 'Road King',
      year: 2019,
      colour: 'Black',
      plate: 'ab-123-cd',
      vin: ' 1m8gdm9axkp042788 ',
      paintType: 'metallic',
    });
    expect(car).toMatchObject({ vin: '1M8GDM9AXKP042788', plateKey: 'AB123CD', paintType: 'metallic' });
    await expect(
      t.supervisor.vehicles.create({ clientId: lea.id, make: 'x', model: 'y', vin: '1M8GDM9AXKP042788' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      t.supervisor.vehicles.create({ clientId: lea.id, make: 'x', model: 'y', vin: '1M8GDM9A1KP042788' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: 'vin' })] },
    });
    await expect(
      t.supervisor.vehicles.create({ clientId: 'nobody', make: 'x', model: 'y' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await t.viewer.vehicles.list({ clientId: lea.id })).items.map((v) => v.id)).toEqual([car.id]);
  });

  it('follows its plate into the client search, also when moved to another client or deleted', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa' });
    const marc = await t.supervisor.clients.create({ name: 'Marc' });
    const car = await t.supervisor.vehicles.create({
      clientId: lea.id,
      make: 'BMW',
      model: 'M3',
      plate: 'XY-987-ZZ',
    });
    const names = async () => (await t.viewer.clients.search({ text: 'XY987' })).map((c) => c.name);
    expect(await names()).toEqual(['Léa']);
    await t.supervisor.vehicles.update({ id: car.id, clientId: marc.id });
    expect(await names()).toEqual(['Marc']);
    await t.supervisor.vehicles.delete({ id: car.id });
    expect(await names()).toEqual([]);
    await t.supervisor.trash.restore({ collection: 'vehicles', id: car.id });
    expect(await names()).toEqual(['Marc']);
  });
});
