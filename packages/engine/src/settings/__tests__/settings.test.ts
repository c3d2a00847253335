import { afterEach, describe, expect, it } from 'vitest';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import { SettingsService } from '../settings-service.js';

let t: TestShop;
afterEach(async () => {
  await t.engine.close();
});

describe('settings', () => {
  it('start from the shop defaults', async () => {
    t = await testShop();
    expect(await t.viewer.settings.get()).toMatchObject({
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      businessHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' },
      taskNumberPrefix: 'T',
      lockout: { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 },
      sessions: { idleMinutes: 30, absoluteHours: 12 },
      rev: 0,
    });
  });

  it('are changed by admins only, validated, audited, and read by other services', async () => {
    t = await testShop();
    await expect(t.supervisor.settings.update({ currency: 'CHF' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const bad of [
      { currency: 'euro' },
      { timeZone: 'Mars/Olympus' },
      { businessHours: { days: [1], open: '18:00', close: '08:00' } },
      { sessions: { idleMinutes: 600, absoluteHours: 8 } },
      { twoFactorRequiredRoles: ['root'] },
    ]) {
      await expect(t.admin.settings.update(bad as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    const saved = await t.admin.settings.update({ rev: 0, currency: 'CHF', timeZone: 'Europe/Zurich' });
    expect(saved).toMatchObject({ currency: 'CHF', timeZone: 'Europe/Zurich', name: 'My shop', rev: 1 });
    await expect(t.admin.settings.update({ rev: 0, name: 'Late' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await t.engine.container.get(SettingsService).current()).toMatchObject({ currency: 'CHF' });
    const audit = await t.admin.audit.query({ entity: 'settings' });
    expect(audit.items.map((a) => a.operation)).toEqual(['create']);
  });
});
