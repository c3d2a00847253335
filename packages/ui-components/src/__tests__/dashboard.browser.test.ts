import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaDashboard } from '../elements/dashboard.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';
import { windowTint } from './window-tint-workflow.js';

const tech = { userId: 'u-tech', role: 'technician', displayName: 'Hugo' } as const;
const boss = { userId: 'u-boss', role: 'supervisor', displayName: 'Marc' } as const;

describe('<rpma-dashboard>', () => {
  let engine: Engine;
  let shop: Shop;
  let dashboard: RpmaDashboard;
  let clientId: string;
  let todayTask: { id: string; number: string };

  // The clock reads 2026-11-26T09:00Z; the shop is in Europe/Paris (10:00 there).
  beforeEach(async () => {
    ({ engine } = await testEngine({ workflows: [windowTint] }));
    shop = engine.as(engine.auth.trust(boss));
    await engine.as(engine.auth.trust({ userId: 'u-admin', role: 'admin' })).settings.update({
      timeZone: 'Europe/Paris',
    });
    clientId = (await shop.clients.create({ kind: 'individual', name: 'Inès Moreau' })).id;
    const plan = (title: string, technicianId: string, scheduledStart: string) =>
      shop.tasks.create({ title, clientId, service: 'window-tint', technicianId, scheduledStart });
    todayTask = await plan('Rear windows tint', tech.userId, '2026-11-26T13:00:00.000Z');
    await plan('Late evening job', tech.userId, '2026-11-26T22:30:00.000Z'); // 23:30 in Paris: today
    await plan('Tomorrow job', tech.userId, '2026-11-26T23:30:00.000Z'); // 00:30 tomorrow in Paris
    await plan('Someone else', 'u-other', '2026-11-26T10:00:00.000Z');
    await shop.tasks.create({ title: 'Quote', clientId, service: 'ppf' });
    const film = await shop.materials.create({
      sku: 'PPF-GLOSS-8',
      name: 'Gloss film',
      type: 'film',
      unit: 'm2',
      reorderPoint: 15,
    });
    await shop.stock.purchase({ materialId: film.id, quantity: 10, lotNumber: 'R-1' });
    const root = mount('<rpma-dashboard></rpma-dashboard>');
    dashboard = root.querySelector('rpma-dashboard') as RpmaDashboard;
    dashboard.engine = engine;
    dashboard.principal = engine.auth.trust(tech);
    await until(() => !!card('today')?.querySelector('button'), "today's tasks");
    await settled(dashboard);
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const card = (name: string) => dashboard.shadowRoot!.querySelector<HTMLElement>(`[data-card="${name}"]`)!;
  const count = (status: string) =>
    card('counts').querySelector(`[data-status="${status}"]`)?.textContent?.trim();

  it("shows the signed-in technician's tasks of today in the shop's time zone, counts, and low stock", async () => {
    const today = card('today').textContent ?? '';
    expect(today).toContain('Rear windows tint');
    expect(today).toContain('Late evening job');
    expect(today).not.toContain('Tomorrow job');
    expect(today).not.toContain('Someone else');
    expect(count('scheduled')).toBe('4');
    expect(count('draft')).toBe('1');
    expect(card('low-stock').querySelector('[data-sku="PPF-GLOSS-8"]')?.textContent).toContain(
      '10 m2 on hand',
    );
    expect(card('active').textContent).toContain('No intervention is running');
    expect(await seriousA11yViolations(dashboard)).toEqual([]);
  });

  it('re-reads on engine events: a started intervention appears and opens, counts follow', async () => {
    const opened: string[] = [];
    dashboard.addEventListener('rpma-intervention-open', (e) =>
      opened.push((e as CustomEvent).detail.interventionId),
    );
    const run = await engine.as(engine.auth.trust(tech)).interventions.start(todayTask.id);
    await until(
      () => !!card('active').querySelector(`[data-intervention-id="${run.id}"]`),
      'the intervention',
    );
    expect(card('active').textContent).toContain(`${todayTask.number} — Rear windows tint`);
    await until(() => count('in_progress') === '1', 'the new count');
    expect(count('scheduled')).toBe('3');
    card('active').querySelector<HTMLButtonElement>(`[data-intervention-id="${run.id}"]`)!.click();
    expect(opened).toEqual([run.id]);
  });

  it('sends rpma-task-select for a task of today, and speaks French', async () => {
    const chosen: string[] = [];
    dashboard.addEventListener('rpma-task-select', (e) => chosen.push((e as CustomEvent).detail.taskId));
    card('today').querySelector<HTMLButtonElement>(`[data-task-id="${todayTask.id}"]`)!.click();
    expect(chosen).toEqual([todayTask.id]);
    await setRpmaLocale('fr');
    await settled(dashboard);
    expect(shadowText(dashboard)).toContain('Mes tâches du jour');
  });
});
