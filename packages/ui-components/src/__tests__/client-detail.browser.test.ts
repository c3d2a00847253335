import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaClientDetail } from '../elements/client-detail.js';
import type { RpmaVehicleForm } from '../elements/vehicle-form.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const admin = { userId: 'u-admin', role: 'admin', displayName: 'Claire' } as const;

describe('<rpma-client-detail> and <rpma-vehicle-form>', () => {
  let engine: Engine;
  let shop: Shop;
  let leaId = '';
  let taskId = '';

  beforeAll(async () => {
    ({ engine } = await testEngine());
    shop = engine.as(engine.auth.trust(admin));
    const lea = await shop.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
    leaId = lea.id;
    const task = await shop.tasks.create({
      title: 'Full front PPF',
      clientId: lea.id,
      service: 'ppf',
      vehicle: { make: 'Porsche', model: '911', plate: 'AB-123-CD' },
      coverage: ['hood'],
    });
    taskId = task.id;
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function detail(clientId = leaId) {
    const root = mount(`<rpma-client-detail client-id="${clientId}"></rpma-client-detail>`);
    const element = root.querySelector('rpma-client-detail') as RpmaClientDetail;
    element.engine = engine;
    element.principal = engine.auth.trust(admin);
    await until(() => element.shadowRoot!.querySelector('form') !== null, 'the client');
    await settled(element);
    return { root, element, $: <E extends Element>(s: string) => element.shadowRoot!.querySelector<E>(s)! };
  }

  function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  it('saves an edit to the engine, and shows a refused edit next to its field', async () => {
    const { element, $ } = await detail();
    expect($<HTMLInputElement>('input[name="name"]').value).toBe('Léa Martin');
    fill($('input[name="phone"]'), '+33 7 00 00 00 01');
    fill($('input[name="tags"]'), 'vip, ceramic');
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => shadowText(element).includes('Saved.'), 'the save');
    const saved = await shop.clients.get({ id: leaId });
    expect(saved.phone).toBe('+33 7 00 00 00 01');
    expect(saved.tags).toEqual(['vip', 'ceramic']);

    fill($('input[name="email"]'), 'not-an-email');
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => $('[data-field="email"] [part="field-error"]') !== null, 'the refusal');
    expect($('[data-field="email"] [part="field-error"]').textContent).toMatch(/email/i);
    expect($('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect((await shop.clients.get({ id: leaId })).email).toBeNull();
  });

  it('adds a vehicle: a wrong VIN check digit is shown next to the VIN, a good one is saved and listed', async () => {
    const { element, $ } = await detail();
    $<HTMLButtonElement>('[data-add-vehicle]').click();
    await settled(element);
    const form = $<RpmaVehicleForm>('rpma-vehicle-form');
    await settled(form);
    const f = <E extends Element>(s: string) => form.shadowRoot!.querySelector<E>(s)!;
    fill(f('input[name="make"]'), 'Tesla');
    fill(f('input[name="model"]'), 'Model 3');
    fill(f('input[name="vin"]'), '1M8GDM9A1KP042788');
    f<HTMLFormElement>('form').requestSubmit();
    await until(
      () => form.shadowRoot!.querySelector('[data-field="vin"] [part="field-error"]') !== null,
      'the VIN error',
    );
    expect(f('[data-field="vin"] [part="field-error"]').textContent).toContain(
      'check digit should be X, not 1',
    );
    expect((await shop.vehicles.list({ clientId: leaId })).items).toHaveLength(1);

    fill(f('input[name="vin"]'), '1M8GDM9AXKP042788');
    f<HTMLFormElement>('form').requestSubmit();
    await until(
      () => element.shadowRoot!.querySelectorAll('[part="vehicle"]').length === 2,
      'the new vehicle',
    );
    const vehicles = (await shop.vehicles.list({ clientId: leaId })).items;
    expect(vehicles.find((v) => v.make === 'Tesla')?.vin).toBe('1M8GDM9AXKP042788');
    expect(shadowText(element)).toContain('Tesla Model 3');
  });

  it('edits a vehicle in place and saves it to the engine', async () => {
    const { element, $ } = await detail();
    const porsche = $<HTMLElement>('[part="vehicle"]');
    const edit = porsche.querySelector<HTMLButtonElement>('button')!;
    expect(edit.getAttribute('aria-label')).toContain('Porsche 911');
    edit.click();
    await settled(element);
    const form = porsche.querySelector<RpmaVehicleForm>('rpma-vehicle-form')!;
    await until(
      () => form.shadowRoot!.querySelector<HTMLInputElement>('input[name="make"]')?.value === 'Porsche',
      'the vehicle',
    );
    const colour = form.shadowRoot!.querySelector<HTMLInputElement>('input[name="colour"]')!;
    fill(colour, 'Guards Red');
    form.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => element.shadowRoot!.querySelector('rpma-vehicle-form') === null, 'the editor to close');
    const vehicleId = porsche.getAttribute('data-vehicle-id')!;
    expect((await shop.vehicles.get({ id: vehicleId })).colour).toBe('Guards Red');
  });

  it('announces a task of the history with rpma-task-select', async () => {
    const { $ } = await detail();
    const row = $<HTMLButtonElement>('[part="task"]');
    expect(row.textContent).toContain('Full front PPF');
    const chosen: string[] = [];
    document.addEventListener('rpma-task-select', (e) => chosen.push((e as CustomEvent).detail.taskId), {
      once: true,
    });
    row.click();
    expect(chosen).toEqual([taskId]);
  });

  it('moves a client to the trash after confirmation, and explains a refusal', async () => {
    const { element, $ } = await detail();
    $<HTMLButtonElement>('[part="delete"]').click();
    expect($<HTMLDialogElement>('dialog').open).toBe(true);
    $<HTMLButtonElement>('[data-confirm]').click();
    await until(() => element.shadowRoot!.querySelector('[role="alert"]') !== null, 'the refusal');
    expect($('[role="alert"]').getAttribute('data-code')).toBe('PRECONDITION');
    expect($('[role="alert"]').textContent).toContain('still has');

    const paul = await shop.clients.create({ name: 'Paul Girard' });
    document.body.innerHTML = '';
    const other = await detail(paul.id);
    const deleted: string[] = [];
    document.addEventListener(
      'rpma-client-deleted',
      (e) => deleted.push((e as CustomEvent).detail.clientId),
      {
        once: true,
      },
    );
    other.$<HTMLButtonElement>('[part="delete"]').click();
    other.$<HTMLButtonElement>('dialog button:not([data-confirm])').click();
    expect(other.$<HTMLDialogElement>('dialog').open).toBe(false);
    await expect(shop.clients.get({ id: paul.id })).resolves.toMatchObject({ name: 'Paul Girard' });
    other.$<HTMLButtonElement>('[part="delete"]').click();
    other.$<HTMLButtonElement>('[data-confirm]').click();
    await until(() => deleted.length === 1, 'the deletion');
    expect(deleted).toEqual([paul.id]);
    await expect(shop.clients.get({ id: paul.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await settled(other.element);
    expect(shadowText(other.element)).toContain('moved to the trash');
  });

  it('speaks French and has no serious accessibility violations, in light and dark', async () => {
    const { root, element, $ } = await detail();
    $<HTMLButtonElement>('[data-add-vehicle]').click();
    await setRpmaLocale('fr');
    await settled(element);
    await settled($('rpma-vehicle-form'));
    expect(shadowText(element)).toContain('Véhicules');
    expect(shadowText(element)).toContain('Historique des tâches');
    expect(shadowText($('rpma-vehicle-form'))).toContain('Marque');
    expect(await seriousA11yViolations(root)).toEqual([]);
    element.theme = 'dark';
    await settled(element);
    expect(getComputedStyle($('rpma-vehicle-form')).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(root), 'dark').toEqual([]);
  });
});
