import type { Engine, Shop } from '@rpma/engine';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { RpmaClientPicker } from '../elements/client-picker.js';
import type { RpmaVehiclePicker } from '../elements/vehicle-picker.js';
import type { RpmaZonePicker } from '../elements/zone-picker.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const admin = { userId: 'u-admin', role: 'admin', displayName: 'Claire' } as const;

describe('form-associated pickers', () => {
  let engine: Engine;
  let shop: Shop;
  let leaId = '';
  let porscheId = '';

  beforeAll(async () => {
    ({ engine } = await testEngine());
    shop = engine.as(engine.auth.trust(admin));
    const lea = await shop.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
    leaId = lea.id;
    porscheId = (
      await shop.vehicles.create({ clientId: lea.id, make: 'Porsche', model: '911', plate: 'AB-123-CD' })
    ).id;
    await shop.vehicles.create({ clientId: lea.id, make: 'Tesla', model: 'Model 3' });
    await shop.clients.create({ name: 'Leandro Silva' });
    await shop.clients.create({ kind: 'business', name: 'Garage Dupont' });
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function pickerForm() {
    const root = mount(`<rpma-engine-provider>
      <form>
        <fieldset>
          <rpma-client-picker name="clientId" required></rpma-client-picker>
          <rpma-vehicle-picker name="vehicleId"></rpma-vehicle-picker>
          <rpma-zone-picker name="coverage" value="hood" required></rpma-zone-picker>
        </fieldset>
      </form>
    </rpma-engine-provider>`);
    const provider = root.querySelector('rpma-engine-provider')!;
    Object.assign(provider, { engine, principal: engine.auth.trust(admin) });
    const form = root.querySelector('form')!;
    const client = root.querySelector('rpma-client-picker') as RpmaClientPicker;
    const vehicle = root.querySelector('rpma-vehicle-picker') as RpmaVehiclePicker;
    const zones = root.querySelector('rpma-zone-picker') as RpmaZonePicker;
    await settled(client);
    await settled(zones);
    return { root, form, client, vehicle, zones, input: client.shadowRoot!.querySelector('input')! };
  }

  it('chooses a client with the keyboard: type, ArrowDown, Enter; Escape closes the list', async () => {
    const { client, input } = await pickerForm();
    input.focus();
    await userEvent.keyboard('lea');
    await until(() => client.options.length === 2, 'two matches for "lea"');
    await settled(client);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(client.options.map((c) => c.name).sort()).toEqual(['Leandro Silva', 'Léa Martin']);

    await userEvent.keyboard('{ArrowDown}');
    await settled(client);
    const first = client.options[0]!;
    expect(input.getAttribute('aria-activedescendant')).toBe(`option-${first.id}`);
    const active = client.shadowRoot!.getElementById(`option-${first.id}`)!;
    expect(active.getAttribute('aria-selected')).toBe('true');

    await userEvent.keyboard('{ArrowUp}');
    await settled(client);
    const last = client.options[1]!;
    expect(input.getAttribute('aria-activedescendant')).toBe(`option-${last.id}`);

    await userEvent.keyboard('{Enter}');
    await settled(client);
    expect(client.value).toBe(last.id);
    expect(input.value).toBe(last.name);
    expect(input.getAttribute('aria-expanded')).toBe('false');

    await userEvent.keyboard('{ArrowDown}');
    await until(() => client.options.length > 0, 'the list to open again');
    await settled(client);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await settled(client);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(client.value).toBe(last.id);
    await userEvent.keyboard('{Escape}');
    await settled(client);
    expect(client.value).toBe('');
  });

  it('keeps the active option where any sequence of arrow keys puts it, and Enter chooses it', async () => {
    const { client, input } = await pickerForm();
    input.focus();
    await userEvent.keyboard('lea');
    await until(() => client.options.length === 2, 'two matches for "lea"');
    await settled(client);
    const press = async (key: string) => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await client.updateComplete;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ArrowDown', 'ArrowUp'), { minLength: 1, maxLength: 12 }),
        async (keys) => {
          client.value = '';
          client.shadowRoot!.querySelector('input')!.value = '';
          input.value = 'lea';
          input.dispatchEvent(new Event('input'));
          await until(() => client.options.length === 2, 'the matches');
          await client.updateComplete;
          let active = -1;
          for (const key of keys) {
            await press(key);
            active = key === 'ArrowDown' ? (active + 1) % 2 : active <= 0 ? 1 : active - 1;
            const expected = client.options[active]!;
            expect(input.getAttribute('aria-activedescendant')).toBe(`option-${expected.id}`);
            expect(client.shadowRoot!.querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
          }
          const chosen = client.options[active]!;
          await press('Enter');
          expect(client.value).toBe(chosen.id);
          expect(input.value).toBe(chosen.name);
          expect(input.getAttribute('aria-expanded')).toBe('false');
        },
      ),
      { numRuns: 15 },
    );
  });

  it('submits the chosen values through a plain form, reports validity, resets and follows a disabled fieldset', async () => {
    const { form, client, vehicle, zones, input } = await pickerForm();
    expect(client.validity.valueMissing).toBe(true);
    expect(client.validationMessage).toBe('Choose a client');
    expect(form.checkValidity()).toBe(false);
    expect(new FormData(form).getAll('coverage')).toEqual(['hood']);

    input.focus();
    await userEvent.keyboard('martin');
    await until(() => client.options.length === 1, 'Léa in the list');
    await settled(client);
    client.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!.click();
    await settled(client);
    expect(client.value).toBe(leaId);
    expect(client.validity.valid).toBe(true);

    vehicle.clientId = client.value;
    await until(() => vehicle.options.length === 2, "Léa's two vehicles");
    await settled(vehicle);
    const select = vehicle.shadowRoot!.querySelector('select')!;
    select.value = porscheId;
    select.dispatchEvent(new Event('change'));
    await settled(vehicle);

    const boxes = zones.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    const roof = [...boxes].find((b) => b.value === 'roof')!;
    roof.click();
    await settled(zones);

    const data = new FormData(form);
    expect(data.get('clientId')).toBe(leaId);
    expect(data.get('vehicleId')).toBe(porscheId);
    expect(data.getAll('coverage')).toEqual(['hood', 'roof']);
    expect(form.checkValidity()).toBe(true);

    [...boxes].find((b) => b.value === 'hood')!.click();
    roof.click();
    await settled(zones);
    expect(zones.validity.valueMissing).toBe(true);
    expect(form.checkValidity()).toBe(false);

    form.reset();
    await settled(client);
    await settled(zones);
    expect(client.value).toBe('');
    expect(input.value).toBe('');
    expect(zones.value).toEqual(['hood']);
    expect(new FormData(form).get('clientId')).toBeNull();

    form.querySelector('fieldset')!.disabled = true;
    await settled(client);
    expect(input.disabled).toBe(true);
    expect(zones.shadowRoot!.querySelector('fieldset')!.disabled).toBe(true);
    expect(new FormData(form).getAll('coverage')).toEqual([]);
  });

  it('restores the state the browser saved for each picker', async () => {
    const { form, client, vehicle, zones } = await pickerForm();
    client.formStateRestoreCallback(leaId);
    vehicle.clientId = leaId;
    vehicle.formStateRestoreCallback(porscheId);
    zones.formStateRestoreCallback('roof,hood');
    await until(
      () => client.shadowRoot!.querySelector('input')!.value === 'Léa Martin',
      'the restored client',
    );
    await until(() => vehicle.options.length === 2, "Léa's vehicles");
    await settled(zones);
    const data = new FormData(form);
    expect(data.get('clientId')).toBe(leaId);
    expect(data.get('vehicleId')).toBe(porscheId);
    expect(data.getAll('coverage')).toEqual(['roof', 'hood']);
  });

  it('offers only the chosen client’s vehicles and drops a vehicle of another client', async () => {
    const { vehicle } = await pickerForm();
    expect(vehicle.shadowRoot!.querySelector('select')!.disabled).toBe(true);
    expect(shadowText(vehicle)).toContain('Choose a client first');
    vehicle.clientId = leaId;
    vehicle.value = porscheId;
    await until(() => vehicle.options.length === 2, "Léa's vehicles");
    await settled(vehicle);
    expect(vehicle.value).toBe(porscheId);
    expect(vehicle.shadowRoot!.querySelector('select')!.value).toBe(porscheId);

    const other = (await shop.clients.search({ text: 'Dupont' }))[0]!;
    vehicle.clientId = other.id;
    await until(() => vehicle.value === '', 'the vehicle of another client to be dropped');
    expect(shadowText(vehicle)).toContain('This client has no vehicle yet');

    await shop.vehicles.create({ clientId: other.id, make: 'Renault', model: 'Master' });
    await until(() => vehicle.options.length === 1, 'the new vehicle to be offered');
  });

  it('speaks French and has no serious accessibility violations, in light and dark', async () => {
    const { root, client, input, zones } = await pickerForm();
    await setRpmaLocale('fr');
    await settled(client);
    expect(shadowText(client)).toContain('Client');
    expect(shadowText(zones)).toContain('Capot');
    expect(shadowText(zones)).toContain('Zones couvertes');
    expect(client.validationMessage).toBe('Choisissez un client');
    input.focus();
    await userEvent.keyboard('lea');
    await until(() => client.options.length === 2, 'the list');
    await settled(client);
    expect(await seriousA11yViolations(root)).toEqual([]);
    for (const picker of [client, zones]) picker.theme = 'dark';
    await settled(client);
    await settled(zones);
    expect(getComputedStyle(client).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(root), 'dark').toEqual([]);
  });
});
