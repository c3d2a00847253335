import type { Engine, Shop } from '@rpma/engine';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { RpmaEngineProvider } from '../context/engine-provider.js';
import type { RpmaClientPicker } from '../elements/client-picker.js';
import { type RpmaTaskForm, type TaskSavedDetail, toLocalInput } from '../elements/task-form.js';
import type { RpmaVehiclePicker } from '../elements/vehicle-picker.js';
import type { RpmaZonePicker } from '../elements/zone-picker.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';
import { windowTint } from './window-tint-workflow.js';

const admin = { userId: 'u-admin', role: 'admin', displayName: 'Claire' } as const;

describe('<rpma-task-form>', () => {
  let engine: Engine;
  let shop: Shop;
  let leaId = '';
  let porscheId = '';
  let technicianId = '';

  beforeAll(async () => {
    ({ engine } = await testEngine({ workflows: [windowTint] }));
    shop = engine.as(engine.auth.trust(admin));
    const lea = await shop.clients.create({ name: 'Léa Martin' });
    leaId = lea.id;
    porscheId = (await shop.vehicles.create({ clientId: lea.id, make: 'Porsche', model: '911' })).id;
    await shop.clients.create({ name: 'Paul Girard' });
    technicianId = (
      await shop.users.create({
        email: 'tom@example.fr',
        displayName: 'Tom Bernard',
        role: 'technician',
        password: 'correct horse battery staple',
      })
    ).id;
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function taskForm(attributes = '', principal = engine.auth.trust(admin)) {
    const root = mount(
      `<rpma-engine-provider><rpma-task-form ${attributes}></rpma-task-form></rpma-engine-provider>`,
    );
    const provider = root.querySelector('rpma-engine-provider') as RpmaEngineProvider;
    provider.engine = engine;
    provider.principal = principal;
    const form = root.querySelector('rpma-task-form') as RpmaTaskForm;
    await until(() => form.shadowRoot!.querySelector('form') !== null, 'the form');
    await settled(form);
    const $ = <E extends Element>(s: string) => form.shadowRoot!.querySelector<E>(s)!;
    return { root, form, $ };
  }

  function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  async function chooseLea(picker: RpmaClientPicker): Promise<void> {
    picker.shadowRoot!.querySelector('input')!.focus();
    await userEvent.keyboard('lea');
    await until(() => picker.options.length === 1, 'Léa in the list');
    await settled(picker);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await until(() => picker.value === leaId, 'Léa chosen');
  }

  it('creates a task from the pickers and fields, visible through the engine', async () => {
    const { form, $ } = await taskForm();
    fill($('input[name="title"]'), 'Full front, Porsche');
    await chooseLea($('rpma-client-picker'));
    const vehicles = $<RpmaVehiclePicker>('rpma-vehicle-picker');
    await until(() => vehicles.options.length === 1, "Léa's vehicle");
    await settled(vehicles);
    const select = vehicles.shadowRoot!.querySelector('select')!;
    select.value = porscheId;
    select.dispatchEvent(new Event('change'));
    const zones = $<RpmaZonePicker>('rpma-zone-picker');
    for (const zone of ['hood', 'front_bumper']) {
      zones.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${zone}"]`)!.click();
    }
    expect($<HTMLSelectElement>('select[name="service"]').value).toBe('window-tint');
    await until(
      () => $<HTMLSelectElement>('select[name="technicianId"]').options.length === 2,
      'the technician',
    );
    $<HTMLSelectElement>('select[name="technicianId"]').value = technicianId;
    fill($('input[name="scheduledStart"]'), '2026-12-01T09:30');
    fill($('textarea[name="notes"]'), 'Client waits on site');

    const saved: TaskSavedDetail[] = [];
    document.addEventListener('rpma-task-saved', (e) => saved.push((e as CustomEvent).detail), {
      once: true,
    });
    const submit = $<HTMLButtonElement>('button[type="submit"]');
    submit.click();
    await form.updateComplete;
    expect(submit.disabled).toBe(true);
    await until(() => saved.length === 1, 'the saved event');
    expect(saved[0]!.created).toBe(true);
    const task = await shop.tasks.get({ id: saved[0]!.taskId });
    expect(task).toMatchObject({
      title: 'Full front, Porsche',
      clientId: leaId,
      vehicleId: porscheId,
      service: 'window-tint',
      coverage: ['hood', 'front_bumper'],
      technicianId,
      scheduledStart: new Date('2026-12-01T09:30').toISOString(),
      notes: 'Client waits on site',
      status: 'scheduled',
    });
    await settled(form);
    expect(submit.disabled).toBe(false);
    expect($<HTMLInputElement>('input[name="title"]').value).toBe('');
  });

  it('shows a refusal of the engine next to its field and creates nothing', async () => {
    const { form, $ } = await taskForm();
    fill($('input[name="title"]'), 'Ceramic coating');
    await chooseLea($('rpma-client-picker'));
    fill($('input[name="scheduledStart"]'), '2026-12-02T10:00');
    fill($('input[name="scheduledEnd"]'), '2026-12-02T09:00');
    const before = (await shop.tasks.page({ clientId: leaId })).items.length;
    $<HTMLFormElement>('form').requestSubmit();
    await until(
      () => form.shadowRoot!.querySelector('[data-field="scheduledEnd"] [part="field-error"]') !== null,
      'the refusal',
    );
    expect($('[data-field="scheduledEnd"] [part="field-error"]').textContent).toContain(
      'must be after scheduledStart',
    );
    expect($('input[name="scheduledEnd"]').getAttribute('aria-invalid')).toBe('true');
    expect((await shop.tasks.page({ clientId: leaId })).items).toHaveLength(before);
  });

  it('does not submit without the required client and title', async () => {
    const { $ } = await taskForm();
    let saved = 0;
    document.addEventListener('rpma-task-saved', () => saved++);
    const form = $<HTMLFormElement>('form');
    expect(form.checkValidity()).toBe(false);
    expect($<RpmaClientPicker>('rpma-client-picker').validity.valueMissing).toBe(true);
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    expect(saved).toBe(0);
  });

  it('edits a task: loads its values and saves the change', async () => {
    const task = await shop.tasks.create({
      title: 'Hood PPF',
      clientId: leaId,
      vehicleId: porscheId,
      service: 'ppf',
      coverage: ['hood'],
    });
    const { form, $ } = await taskForm(`task-id="${task.id}"`);
    expect($<HTMLInputElement>('input[name="title"]').value).toBe('Hood PPF');
    const picker = $<RpmaClientPicker>('rpma-client-picker');
    await until(() => picker.shadowRoot!.querySelector('input')!.value === 'Léa Martin', "the client's name");
    expect(picker.shadowRoot!.querySelector('input')!.disabled).toBe(true);
    expect($<RpmaZonePicker>('rpma-zone-picker').value).toEqual(['hood']);
    expect($<HTMLSelectElement>('select[name="service"]').value).toBe('ppf');
    const vehicles = $<RpmaVehiclePicker>('rpma-vehicle-picker');
    await until(() => vehicles.shadowRoot!.querySelector('select')!.value === porscheId, 'the vehicle');
    $<RpmaZonePicker>('rpma-zone-picker')
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="roof"]')!
      .click();
    fill($('textarea[name="notes"]'), 'Add the roof');
    const saved: TaskSavedDetail[] = [];
    document.addEventListener('rpma-task-saved', (e) => saved.push((e as CustomEvent).detail), {
      once: true,
    });
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => saved.length === 1, 'the saved event');
    expect(saved[0]).toMatchObject({ taskId: task.id, created: false });
    expect(await shop.tasks.get({ id: task.id })).toMatchObject({
      coverage: ['hood', 'roof'],
      notes: 'Add the roof',
      vehicleId: porscheId,
    });
    await settled(form);
    expect(shadowText(form)).toContain('Saved.');
  });

  it('lets the assigned technician change the notes: only the changed fields are sent', async () => {
    const task = await shop.tasks.create({
      title: 'Roof PPF',
      clientId: leaId,
      service: 'ppf',
      coverage: ['roof'],
      technicianId,
      scheduledStart: '2026-12-03T08:00:30.000Z',
    });
    const tom = engine.auth.trust({ userId: technicianId, role: 'technician', displayName: 'Tom Bernard' });
    const { form, $ } = await taskForm(`task-id="${task.id}"`, tom);
    expect($<HTMLSelectElement>('select[name="technicianId"]').value).toBe(technicianId);
    expect(form.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    fill($('textarea[name="notes"]'), 'Film seam at the rear edge');
    const saved: TaskSavedDetail[] = [];
    document.addEventListener('rpma-task-saved', (e) => saved.push((e as CustomEvent).detail), {
      once: true,
    });
    $<HTMLFormElement>('form').requestSubmit();
    await until(
      () => saved.length === 1 || form.shadowRoot!.querySelector('[role="alert"]') !== null,
      'the save',
    );
    expect(form.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    expect(await shop.tasks.get({ id: task.id })).toMatchObject({
      notes: 'Film seam at the rear edge',
      scheduledStart: '2026-12-03T08:00:30.000Z',
      title: 'Roof PPF',
    });

    fill($('input[name="title"]'), 'Roof and hood PPF');
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => form.shadowRoot!.querySelector('[role="alert"]') !== null, 'the refusal');
    expect(form.shadowRoot!.querySelector('[role="alert"]')!.getAttribute('data-code')).toBe('FORBIDDEN');
    expect((await shop.tasks.get({ id: task.id })).title).toBe('Roof PPF');
  });

  it('shows any stored time in the datetime-local box as the same minute of local time', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const shown = toLocalInput(new Date(ms).toISOString());
        expect(shown).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        expect(new Date(shown).getTime()).toBe(Math.floor(ms / minute) * minute);
      }),
    );
    expect(toLocalInput(null)).toBe('');
  });

  it('speaks French and has no serious accessibility violations, in light and dark', async () => {
    const { root, form } = await taskForm();
    await setRpmaLocale('fr');
    await settled(form);
    expect(shadowText(form)).toContain('Créer la tâche');
    expect(shadowText(form)).toContain('Technicien');
    expect(await seriousA11yViolations(root)).toEqual([]);
    form.theme = 'dark';
    await settled(form);
    const picker = form.shadowRoot!.querySelector('rpma-client-picker')!;
    await settled(picker);
    expect(getComputedStyle(picker).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(root), 'dark').toEqual([]);
  });
});
