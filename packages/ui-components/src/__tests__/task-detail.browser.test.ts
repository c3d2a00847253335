import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterventionOpenDetail, RpmaTaskDetail } from '../elements/task-detail.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';
import { windowTint } from './window-tint-workflow.js';

const tech = { userId: 'u-tech', role: 'technician', displayName: 'Hugo' } as const;
const otherTech = { userId: 'u-other', role: 'technician', displayName: 'Inès' } as const;

describe('<rpma-task-detail>', () => {
  let engine: Engine;
  let boss: Shop;
  let detail: RpmaTaskDetail;
  let task: { id: string; number: string };

  beforeEach(async () => {
    ({ engine } = await testEngine({ workflows: [windowTint] }));
    boss = engine.as(engine.auth.trust({ userId: 'u-boss', role: 'supervisor' }));
    const client = await boss.clients.create({ kind: 'individual', name: 'Léa Martin' });
    task = await boss.tasks.create({
      title: 'Rear windows tint',
      clientId: client.id,
      service: 'window-tint',
      technicianId: tech.userId,
      scheduledStart: '2026-11-26T09:00:00.000Z',
      notes: 'Customer waits on site',
    });
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function show(principal: typeof tech | typeof otherTech): Promise<void> {
    const root = mount(`<rpma-task-detail task-id="${task.id}"></rpma-task-detail>`);
    detail = root.querySelector('rpma-task-detail') as RpmaTaskDetail;
    detail.engine = engine;
    detail.principal = engine.auth.trust(principal);
    await until(() => shadowText(detail).includes(task.number), 'the task');
  }
  const action = () => detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]');

  it('shows the task, starts its intervention and then offers to continue it', async () => {
    await show(tech);
    expect(shadowText(detail)).toContain('Rear windows tint');
    expect(shadowText(detail)).toContain('Customer waits on site');
    expect(action()!.textContent).toContain('Start the intervention');

    const opened: InterventionOpenDetail[] = [];
    detail.addEventListener('rpma-intervention-open', (e) => opened.push((e as CustomEvent).detail));
    action()!.click();
    await until(() => opened.length === 1, 'the open event');
    const active = await boss.interventions.listActive({ limit: 10 });
    expect(active.items.map((i) => i.taskId)).toEqual([task.id]);
    expect(opened).toEqual([{ interventionId: active.items[0]!.id, taskId: task.id }]);
    await until(() => !!action()?.textContent?.includes('Continue the intervention'), 'the continue button');
    expect(await seriousA11yViolations(detail)).toEqual([]);
  });

  it('shows a refused start in words and starts nothing', async () => {
    await show(otherTech);
    action()!.click();
    const error = () => detail.shadowRoot!.querySelector<HTMLElement>('[part="error"]');
    await until(() => !!error(), 'the refusal');
    expect(error()!.dataset.code).toBe('FORBIDDEN');
    expect(error()!.textContent!.trim().length).toBeGreaterThan(0);
    expect((await boss.interventions.listActive({ limit: 10 })).items).toEqual([]);
    expect(action()!.textContent).toContain('Start the intervention');
  });

  it('speaks French', async () => {
    await show(tech);
    await setRpmaLocale('fr');
    await settled(detail);
    expect(action()!.textContent).toContain('Démarrer l’intervention');
  });
});
