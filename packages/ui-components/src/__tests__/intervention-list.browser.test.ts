import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaInterventionList } from '../elements/intervention-list.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';
import { windowTint } from './window-tint-workflow.js';

const tech = { userId: 'u-tech', role: 'technician', displayName: 'Hugo' } as const;

describe('<rpma-intervention-list>', () => {
  let engine: Engine;
  let techShop: Shop;
  let list: RpmaInterventionList;
  let tasks: { id: string; number: string }[];

  beforeEach(async () => {
    ({ engine } = await testEngine({ workflows: [windowTint] }));
    const boss = engine.as(engine.auth.trust({ userId: 'u-boss', role: 'supervisor' }));
    techShop = engine.as(engine.auth.trust(tech));
    const client = await boss.clients.create({ kind: 'individual', name: 'Inès Moreau' });
    tasks = [];
    for (const title of ['Rear windows tint', 'Side windows tint']) {
      tasks.push(
        await boss.tasks.create({
          title,
          clientId: client.id,
          service: 'window-tint',
          technicianId: tech.userId,
          scheduledStart: '2026-11-26T09:00:00.000Z',
        }),
      );
    }
    const root = mount('<rpma-intervention-list></rpma-intervention-list>');
    list = root.querySelector('rpma-intervention-list') as RpmaInterventionList;
    list.engine = engine;
    list.principal = engine.auth.trust(tech);
    await until(() => shadowText(list).includes('No intervention is running'), 'the empty list');
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const row = (id: string) => list.shadowRoot!.querySelector<HTMLElement>(`tr[data-intervention-id="${id}"]`);

  it('lists interventions as they start, with task, step and pause, and opens the one chosen', async () => {
    const first = await techShop.interventions.start(tasks[0]!.id);
    await until(() => !!row(first.id), 'the first intervention');
    expect(row(first.id)!.textContent).toContain(`${tasks[0]!.number} — Rear windows tint`);
    expect(row(first.id)!.textContent).toContain('window-tint');
    const second = await techShop.interventions.start(tasks[1]!.id);
    await techShop.interventions.pause(second.id, 'waiting for film');
    await until(() => !!row(second.id)?.textContent?.includes('Paused'), 'the paused one');
    expect(row(first.id)!.textContent).not.toContain('Paused');

    const opened: { interventionId: string; taskId: string }[] = [];
    list.addEventListener('rpma-intervention-open', (e) => opened.push((e as CustomEvent).detail));
    row(second.id)!.querySelector('button')!.click();
    expect(opened).toEqual([{ interventionId: second.id, taskId: tasks[1]!.id }]);
    expect(await seriousA11yViolations(list)).toEqual([]);
  });

  it('filters by workflow and speaks French', async () => {
    const run = await techShop.interventions.start(tasks[0]!.id);
    await until(() => !!row(run.id), 'the intervention');
    list.workflow = 'ceramic';
    await until(() => !row(run.id), 'the filtered list');
    await setRpmaLocale('fr');
    await settled(list);
    expect(shadowText(list)).toContain('Aucune intervention en cours');
  });
});
