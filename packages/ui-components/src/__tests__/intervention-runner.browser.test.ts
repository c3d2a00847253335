import {
  canvasImageProcessor,
  type Engine,
  indexedDbBlobStore,
  photoBindings,
  type Shop,
} from '@rpma/engine';
import { ppfWorkflow } from '@rpma/workflows-ppf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaInterventionRunner } from '../elements/intervention-runner.js';
import { setRpmaLocale } from '../i18n/localization.js';
import {
  chooseFiles,
  generatedPhoto,
  mount,
  seriousA11yViolations,
  settled,
  shadowText,
  testEngine,
  until,
} from './harness.js';
import { windowTint } from './window-tint-workflow.js';

const tech = { userId: 'u-tech', role: 'technician', displayName: 'Hugo' } as const;

describe('<rpma-intervention-runner> with a plugin it has never seen (window tint)', () => {
  let engine: Engine;
  let runner: RpmaInterventionRunner;
  let interventionId: string;

  beforeEach(async () => {
    const blobs = indexedDbBlobStore(`rpma-ui-runner-${crypto.randomUUID()}`);
    ({ engine } = await testEngine({
      workflows: [windowTint],
      modules: [photoBindings({ blobs, processor: canvasImageProcessor() })],
    }));
    const boss: Shop = engine.as(engine.auth.trust({ userId: 'u-boss', role: 'supervisor' }));
    const client = await boss.clients.create({ kind: 'individual', name: 'Inès Moreau' });
    const task = await boss.tasks.create({
      title: 'Rear windows tint',
      clientId: client.id,
      service: 'window-tint',
      technicianId: tech.userId,
      scheduledStart: '2026-11-26T09:00:00.000Z',
    });
    const shop = engine.as(engine.auth.trust(tech));
    interventionId = (await shop.interventions.start(task.id)).id;
    const root = mount(
      `<rpma-intervention-runner intervention-id="${interventionId}"></rpma-intervention-runner>`,
    );
    runner = root.querySelector('rpma-intervention-runner') as RpmaInterventionRunner;
    runner.engine = engine;
    runner.principal = engine.auth.trust(tech);
    await until(() => shadowText(runner).includes('Glass prep'), 'the first step');
    await settled(runner);
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const $ = <T extends Element>(selector: string) => runner.shadowRoot!.querySelector<T>(selector)!;
  const missing = () =>
    [...runner.shadowRoot!.querySelectorAll('[part="missing"] li')].map((li) => li.textContent);

  function type(selector: string, value: string): void {
    const input = $<HTMLInputElement | HTMLSelectElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  it('generates the step form from its schema and lists what is missing, live', async () => {
    expect($('[part="progress"]').textContent).toMatch(/Glass prep[\s\S]*Film applied/);
    expect($('[aria-current="step"]').textContent).toContain('Glass prep');
    expect($('label[for="f-glassCount"]').textContent).toContain('Glass count');
    expect($<HTMLInputElement>('#f-glassCount').type).toBe('number');
    expect($<HTMLInputElement>('#f-glassCount').max).toBe('12');
    expect([...$<HTMLSelectElement>('#f-method').options].map((o) => o.value)).toEqual([
      '',
      'soap',
      'alcohol',
    ]);
    expect(missing().join('|')).toMatch(/glassCount/);

    type('#f-glassCount', '4');
    type('#f-method', 'soap');
    await settled(runner);
    expect(missing().join('|')).toContain("'Glass cleaned' is not ticked");
    expect(missing().join('|')).toContain('photos: 1 needed, 0 given');
    expect(missing().join('|')).toContain("no photo tagged 'before'");
  });

  it('uploads photos with progress, submits the step, and moves on to the next one', async () => {
    const submitted: unknown[] = [];
    document.addEventListener('rpma-step-submitted', (e) => submitted.push((e as CustomEvent).detail));
    type('#f-glassCount', '4');
    type('#f-method', 'alcohol');
    $<HTMLInputElement>('fieldset input[type="checkbox"]').click();
    type('.photos input[name="shot"]', 'before');
    expect(
      [...runner.shadowRoot!.querySelectorAll('#shot-suggestions option')].map((o) =>
        o.getAttribute('value'),
      ),
    ).toEqual(['before']);
    chooseFiles($<HTMLInputElement>('input[type="file"]'), [await generatedPhoto('before')]);
    await until(() => $('[data-photo-count]').getAttribute('data-photo-count') === '1', 'the stored photo');
    await settled(runner);
    expect(missing()).toEqual([]);
    expect($('[data-tag="before"]').className).toBe('ok');

    $<HTMLButtonElement>('button[type="submit"]').click();
    await until(
      () => shadowText(runner).includes('Film applied') && !!runner.shadowRoot!.querySelector('#f-shade'),
      'step 2',
    );
    expect(submitted).toEqual([{ interventionId, step: 'prep', next: 'film' }]);
    expect($('[aria-current="step"]').textContent).toContain('Film applied');
    expect($<HTMLProgressElement>('progress').value).toBe(50);

    type('#f-shade', '20');
    $<HTMLButtonElement>('[data-path="windows"] > button').click();
    await settled(runner);
    type('#f-windows-0-glass', 'rear');
    type('#f-windows-0-m2', '0.8');
    await settled(runner);
    $<HTMLButtonElement>('button[type="submit"]').click();
    await until(() => shadowText(runner).includes('Intervention completed.'), 'completion');
    expect((await engine.as(engine.auth.trust(tech)).interventions.get(interventionId)).status).toBe(
      'completed',
    );
  });

  it("shows the engine's refusal at the field it names, and refuses a file that is not an image", async () => {
    type('#f-glassCount', '40');
    type('#f-method', 'soap');
    $<HTMLButtonElement>('button[type="submit"]').click();
    await until(() => !!runner.shadowRoot!.querySelector('[role="alert"]'), 'the refusal');
    expect($('[role="alert"]').getAttribute('data-code')).toBe('VALIDATION');
    expect($('#f-glassCount').getAttribute('aria-invalid')).toBe('true');
    expect($('#f-glassCount-issue').textContent).toMatch(/12/);

    const fake = new File([new TextEncoder().encode('not a photo at all')], 'car.jpg', {
      type: 'image/jpeg',
    });
    chooseFiles($<HTMLInputElement>('input[type="file"]'), [fake]);
    await until(() => !!runner.shadowRoot!.querySelector('.photos [role="alert"]'), 'the photo refusal');
    expect($('.photos [role="alert"]').textContent).toMatch(/jpeg|image|type/i);
    expect($('[data-photo-count]').getAttribute('data-photo-count')).toBe('0');
  });

  it('pauses and resumes', async () => {
    [...runner.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Pause')!
      .click();
    await until(() => shadowText(runner).includes('Resume'), 'the paused state');
    expect(runner.shadowRoot!.querySelector('form')).toBeNull();
    [...runner.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Resume')!
      .click();
    await until(() => !!runner.shadowRoot!.querySelector('form'), 'the step again');
  });

  it('speaks French and has no serious accessibility violations', async () => {
    await setRpmaLocale('fr');
    await settled(runner);
    expect(shadowText(runner)).toContain('Liste de contrôle');
    expect(shadowText(runner)).toContain('Il manque encore');
    // The plugin has no labels: its own words, and keys humanised, whatever the locale.
    expect($('h3').textContent).toContain('Glass prep');
    expect($('label[for="f-glassCount"]').textContent).toContain('Glass count');
    expect($('#f-method').textContent).toMatch(/Soap[\s\S]*Alcohol/);
    expect(await seriousA11yViolations(runner)).toEqual([]);
  });
});

describe('<rpma-intervention-runner> with a plugin that brings its labels (PPF)', () => {
  let runner: RpmaInterventionRunner;

  beforeEach(async () => {
    const { engine } = await testEngine({ workflows: [ppfWorkflow()] });
    const boss: Shop = engine.as(engine.auth.trust({ userId: 'u-boss', role: 'supervisor' }));
    const client = await boss.clients.create({ kind: 'individual', name: 'Paul Girard' });
    const task = await boss.tasks.create({
      title: 'Capot en PPF',
      clientId: client.id,
      service: 'ppf',
      coverage: ['hood'],
      technicianId: tech.userId,
      scheduledStart: '2026-11-26T09:00:00.000Z',
    });
    const id = (await engine.as(engine.auth.trust(tech)).interventions.start(task.id)).id;
    const root = mount(`<rpma-intervention-runner intervention-id="${id}"></rpma-intervention-runner>`);
    runner = root.querySelector('rpma-intervention-runner') as RpmaInterventionRunner;
    runner.engine = engine;
    runner.principal = engine.auth.trust(tech);
    await until(() => !!runner.shadowRoot?.querySelector('#f-bay-temperatureC'), 'the inspection form');
    await settled(runner);
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const $ = <T extends Element>(selector: string) => runner.shadowRoot!.querySelector<T>(selector)!;
  const text = (selector: string) => ($(selector).textContent ?? '').replace(/\s+/g, ' ').trim();

  it("labels the step with the plugin's English words", () => {
    expect(text('h3')).toBe('Inspection');
    expect(text('label[for="f-bay-temperatureC"]')).toBe('Temperature (°C) *');
    expect(text('[data-path="panels"] > legend')).toBe('Paint thickness per panel');
    expect(text('[data-tag="vin"]')).toContain('VIN');
  });

  it('shows the French labels after setRpmaLocale("fr"), down to list rows, choices, checklist and shots', async () => {
    await setRpmaLocale('fr');
    await settled(runner);
    expect(text('h2')).toBe('Pose de film de protection (PPF)');
    expect(text('[aria-current="step"]')).toContain('Inspection du véhicule');
    expect(text('h3')).toBe('Inspection du véhicule');
    expect(text('[part="help"]')).toContain('épaisseur de peinture');
    expect(text('label[for="f-bay-humidityPct"]')).toBe('Hygrométrie (%) *');
    expect(text('[data-path="bay"] > legend')).toBe('Conditions de l’atelier');
    expect(shadowText(runner)).toContain('Tour du véhicule avec le client');
    expect(text('[data-tag="odometer"]')).toContain('Compteur kilométrique');
    expect(
      [...runner.shadowRoot!.querySelectorAll('#shot-suggestions option')].map((o) =>
        o.getAttribute('label'),
      ),
    ).toContain('Numéro de série (VIN)');

    $<HTMLButtonElement>('[data-path="panels"] > button').click();
    $<HTMLButtonElement>('[data-path="defects"] > button').click();
    await settled(runner);
    expect(text('label[for="f-panels-0-readingsUm"]')).toBe('Mesures (µm) *');
    expect([...$<HTMLSelectElement>('#f-defects-0-severity').options].map((o) => o.text.trim())).toEqual([
      '—',
      'Faible',
      'Moyenne',
      'Élevée',
    ]);
    expect(shadowText(runner)).not.toMatch(/Readings um|Temperature c|Humidity pct/);

    await setRpmaLocale('en');
    await settled(runner);
    expect(text('label[for="f-panels-0-readingsUm"]')).toBe('Readings (µm) *');
  });
});
