import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaEngineProvider } from '../context/engine-provider.js';
import type { RpmaTaskList } from '../elements/task-list.js';
import { setRpmaLocale } from '../i18n/localization.js';
import {
  mount,
  renderedRows,
  scrollUntilLoaded,
  seriousA11yViolations,
  settled,
  shadowText,
  testEngine,
  until,
} from './harness.js';

const admin = { userId: 'u-admin', role: 'admin', displayName: 'Claire' } as const;

describe('<rpma-task-list>', () => {
  let engine: Engine;
  let shop: Shop;
  let firstTaskId = '';

  beforeAll(async () => {
    ({ engine } = await testEngine());
    shop = engine.as(engine.auth.trust(admin));
    const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
    for (let i = 0; i < 260; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const task = await shop.tasks.create({
        title: i === 7 ? 'Full front Porsche 911' : `PPF job ${i}`,
        clientId: client.id,
        service: 'ppf',
        coverage: ['hood', 'front_bumper'],
        scheduledStart: `2026-12-${day}T08:00:00.000Z`,
      });
      if (i === 0) firstTaskId = task.id;
    }
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function listUnderProvider(attributes = '') {
    const root = mount(`<rpma-engine-provider>
      <rpma-task-list page-size="100" ${attributes}></rpma-task-list>
      <rpma-task-list page-size="100" ${attributes}></rpma-task-list>
    </rpma-engine-provider>`);
    const provider = root.querySelector('rpma-engine-provider') as RpmaEngineProvider;
    provider.engine = engine;
    provider.principal = engine.auth.trust(admin);
    const [list, twin] = [...root.querySelectorAll('rpma-task-list')] as RpmaTaskList[];
    await until(() => list!.rows.length > 0 && twin!.rows.length > 0, 'the first page');
    await settled(list!);
    return { root, list: list!, twin: twin! };
  }

  it('renders only the visible rows and loads further pages as the user scrolls', async () => {
    const { list } = await listUnderProvider();
    expect(list.rows).toHaveLength(100);
    await until(() => renderedRows(list) > 5, 'the visible rows');
    expect(renderedRows(list)).toBeLessThan(60);
    expect(shadowText(list)).toContain('100 tasks shown, more below');
    await scrollUntilLoaded(list, 260);
    expect(shadowText(list)).toContain('260 tasks');
    expect(renderedRows(list)).toBeLessThan(60);
  });

  it('keeps two lists in agreement with the engine after a status change', async () => {
    const { list, twin } = await listUnderProvider('status="scheduled"');
    expect(list.rows.find((t) => t.id === firstTaskId)).toBeDefined();
    await shop.tasks.changeStatus({ id: firstTaskId, to: 'in_progress' });
    await until(
      () => !list.rows.some((t) => t.id === firstTaskId) && !twin.rows.some((t) => t.id === firstTaskId),
      'both lists to drop the started task',
    );
    await shop.tasks.changeStatus({ id: firstTaskId, to: 'on_hold', reason: 'Film back-ordered' });
    await shop.tasks.changeStatus({ id: firstTaskId, to: 'scheduled' });
    await until(() => list.rows.some((t) => t.id === firstTaskId), 'the task to come back');
  });

  it('searches, filters by status, and announces the chosen task with a composed event', async () => {
    const { list } = await listUnderProvider();
    const search = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'Porsche';
    search.dispatchEvent(new Event('input'));
    await until(() => list.rows.length === 1, 'the search result');
    await settled(list);
    const chosen: string[] = [];
    document.addEventListener('rpma-task-select', (e) => chosen.push((e as CustomEvent).detail.taskId), {
      once: true,
    });
    const row = list.shadowRoot!.querySelector<HTMLButtonElement>('[part="row"]')!;
    expect(row.textContent).toContain('Full front Porsche 911');
    expect(row.textContent).toContain('Hood');
    row.click();
    expect(chosen).toEqual([list.rows[0]!.id]);

    search.value = '';
    search.dispatchEvent(new Event('input'));
    const status = list.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    status.value = 'completed';
    status.dispatchEvent(new Event('change'));
    await until(() => shadowText(list).includes('0 tasks'), 'an empty completed list');
  });

  it("shows the engine's refusal in words", async () => {
    const root = mount('<rpma-task-list page-size="5000"></rpma-task-list>');
    const list = root.querySelector('rpma-task-list') as RpmaTaskList;
    list.engine = engine;
    list.principal = engine.auth.trust(admin);
    await until(() => list.shadowRoot!.querySelector('[role="alert"]') !== null, 'the refusal');
    const alert = list.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('VALIDATION');
    expect(alert.textContent).toContain('limit');
  });

  it('speaks French and has no serious accessibility violations', async () => {
    const { root, list } = await listUnderProvider();
    await setRpmaLocale('fr');
    await until(() => renderedRows(list) > 0, 'the visible rows');
    await settled(list);
    expect(shadowText(list)).toContain('Capot');
    expect(shadowText(list)).toContain('Planifiée');
    expect(shadowText(list)).toContain('Rechercher');
    expect(await seriousA11yViolations(root)).toEqual([]);
  });
});
