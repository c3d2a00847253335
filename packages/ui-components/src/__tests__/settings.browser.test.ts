import { type Engine, type Principal, ROLES } from '@rpma/engine';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaSettings } from '../elements/settings.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

describe('<rpma-settings>', () => {
  let engine: Engine;
  let admin: Principal;

  beforeEach(async () => {
    ({ engine } = await testEngine());
    admin = engine.auth.trust({ userId: 'u-admin', role: 'admin' });
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function settingsAs(principal: Principal): Promise<RpmaSettings> {
    const element = mount('<rpma-settings></rpma-settings>').querySelector('rpma-settings') as RpmaSettings;
    element.engine = engine;
    element.principal = principal;
    await until(() => !!element.shadowRoot!.querySelector('form'), 'the settings form');
    await settled(element);
    return element;
  }
  const input = (element: RpmaSettings, selector: string) =>
    element.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  const type = (element: RpmaSettings, name: string, value: string) => {
    const field = input(element, `input[name="${name}"]`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const submit = (element: RpmaSettings) => element.shadowRoot!.querySelector('form')!.requestSubmit();

  it('shows the stored settings and saves every kind of field, read back through the engine', async () => {
    const element = await settingsAs(admin);
    expect(input(element, 'input[name="name"]').value).toBe('My shop');
    expect(input(element, 'input[name="timeZone"]').value).toBe('Europe/Paris');
    expect(input(element, 'input[name="businessHours.days"][value="6"]').checked).toBe(false);

    type(element, 'name', 'Atelier Lyon');
    type(element, 'taskNumberPrefix', 'LY');
    type(element, 'businessHours.open', '07:30');
    type(element, 'lockout.maxAttempts', '3');
    input(element, 'input[name="businessHours.days"][value="6"]').click();
    input(element, 'input[name="twoFactorRequiredRoles"][value="admin"]').click();
    input(element, 'input[name="allowNegativeStock"]').click();
    const saved: unknown[] = [];
    element.addEventListener('rpma-settings-saved', (e) => saved.push(e));
    submit(element);
    await until(() => !!element.shadowRoot!.querySelector('[part="saved"]'), 'the saved confirmation');
    expect(element.shadowRoot!.querySelector('[part="saved"]')!.textContent).toBe('Settings saved.');

    const stored = await engine.as(admin).settings.get();
    expect(stored).toMatchObject({
      name: 'Atelier Lyon',
      taskNumberPrefix: 'LY',
      businessHours: { days: [1, 2, 3, 4, 5, 6], open: '07:30', close: '18:00' },
      lockout: { maxAttempts: 3, windowMinutes: 15, lockMinutes: 15 },
      twoFactorRequiredRoles: ['admin'],
      allowNegativeStock: true,
      rev: 1,
    });
    expect(saved).toHaveLength(1);
  });

  it('submitting the form as shown leaves any valid stored settings exactly as they were (property)', async () => {
    const element = await settingsAs(admin);
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const settings = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n.trim() === n && n.length > 0),
      currency: fc.constantFrom('EUR', 'CHF', 'GBP', 'USD'),
      timeZone: fc.constantFrom('Europe/Paris', 'Europe/Zurich', 'America/Montreal', 'UTC'),
      taskNumberPrefix: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
      businessHours: fc
        .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), time, time)
        .filter(([, open, close]) => open < close)
        .map(([days, open, close]) => ({ days: days.sort(), open, close })),
      lockout: fc.record({
        maxAttempts: fc.integer({ min: 1, max: 100 }),
        windowMinutes: fc.integer({ min: 1, max: 1440 }),
        lockMinutes: fc.integer({ min: 1, max: 10080 }),
      }),
      sessions: fc
        .record({
          idleMinutes: fc.integer({ min: 1, max: 1440 }),
          absoluteHours: fc.integer({ min: 1, max: 720 }),
        })
        .filter((t) => t.idleMinutes <= t.absoluteHours * 60),
      twoFactorRequiredRoles: fc.subarray([...ROLES]),
      allowNegativeStock: fc.boolean(),
      keepPhotoLocation: fc.boolean(),
      lotExpiryWarningDays: fc.integer({ min: 0, max: 3650 }),
    });
    await fc.assert(
      fc.asyncProperty(settings, async (chosen) => {
        const { rev } = await engine.as(admin).settings.get();
        const stored = await engine.as(admin).settings.update({ rev, ...chosen });
        await until(() => input(element, 'input[name="name"]').value === chosen.name, 'the re-read');
        await settled(element);
        submit(element);
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('[part="saved"]')).toBeNull();
        await until(() => !!element.shadowRoot!.querySelector('[part="saved"], [role="alert"]'), 'the save');
        expect(element.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
        const { rev: after, ...saved } = await engine.as(admin).settings.get();
        const { rev: before, ...expected } = stored;
        expect(saved).toEqual(expected);
        expect(after).toBe(before);
      }),
      { numRuns: 15 },
    );
  });

  it('shows each refusal next to its field and saves nothing', async () => {
    const element = await settingsAs(admin);
    type(element, 'timeZone', 'Mars/Olympus');
    type(element, 'businessHours.close', '06:00');
    submit(element);
    await until(() => !!element.shadowRoot!.querySelector('[role="alert"]'), 'the refusal');
    const issue = (path: string) =>
      element.shadowRoot!.querySelector(`[data-path="${path}"] .error`)?.textContent ?? '';
    expect(issue('timeZone')).toContain('IANA time zone');
    expect(input(element, 'input[name="timeZone"]').getAttribute('aria-invalid')).toBe('true');
    expect(input(element, 'input[name="timeZone"]').getAttribute('aria-describedby')).toContain(
      'timeZone-issue',
    );
    expect(issue('businessHours.close')).toContain('open before they close');
    expect(issue('name')).toBe('');
    expect(element.shadowRoot!.querySelector('[part="saved"]')).toBeNull();
    expect((await engine.as(admin).settings.get()).rev).toBe(0);
  });

  it('re-reads when the settings change elsewhere, and saves on top of the new revision', async () => {
    const element = await settingsAs(admin);
    await engine.as(admin).settings.update({ rev: 0, currency: 'CHF' });
    await until(
      () => input(element, 'input[name="currency"]').value === 'CHF',
      'the re-read after the change',
    );
    type(element, 'name', 'Mine');
    submit(element);
    await until(() => !!element.shadowRoot!.querySelector('[part="saved"]'), 'the save on the fresh rev');
    expect(await engine.as(admin).settings.get()).toMatchObject({ name: 'Mine', currency: 'CHF', rev: 2 });
  });

  it('is read-only for a supervisor, speaks French, and has no serious accessibility violations in light or dark', async () => {
    const element = await settingsAs(engine.auth.trust({ userId: 'u-sup', role: 'supervisor' }));
    expect(element.shadowRoot!.querySelector('button[type="submit"]')).toBeNull();
    expect(
      [...element.shadowRoot!.querySelectorAll('fieldset')].every((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(true);
    expect(input(element, 'input[name="name"]').matches(':disabled')).toBe(true);
    expect(shadowText(element)).toContain('Only an administrator can change these settings.');
    await setRpmaLocale('fr');
    await settled(element);
    expect(shadowText(element)).toContain('Paramètres de l’atelier');
    expect(shadowText(element)).toContain('samedi');
    expect(await seriousA11yViolations(element)).toEqual([]);
    element.theme = 'dark';
    await settled(element);
    expect(getComputedStyle(element).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(element)).toEqual([]);
  });
});
