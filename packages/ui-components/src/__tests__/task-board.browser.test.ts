import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaTaskBoard } from '../elements/task-board.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const supervisor = { userId: 'u-sup', role: 'supervisor', displayName: 'Marc' } as const;

describe('<rpma-task-board>', () => {
  let engine: Engine;
  let shop: Shop;
  let board: RpmaTaskBoard;
  let scheduledId: string;
  let draftId: string;

  beforeEach(async () => {
    ({ engine } = await testEngine());
    shop = engine.as(engine.auth.trust(supervisor));
    const client = await shop.clients.create({ kind: 'business', name: 'Garage Dupont' });
    scheduledId = (
      await shop.tasks.create({
        title: 'Hood PPF',
        clientId: client.id,
        service: 'ppf',
        coverage: ['hood'],
        scheduledStart: '2026-11-27T08:00:00.000Z',
      })
    ).number;
    draftId = (await shop.tasks.create({ title: 'Ceramic quote', clientId: client.id, service: 'ceramic' }))
      .number;
    const root = mount('<rpma-task-board></rpma-task-board>');
    board = root.querySelector('rpma-task-board') as RpmaTaskBoard;
    board.engine = engine;
    board.principal = engine.auth.trust(supervisor);
    await until(() => !!card(scheduledId) && !!card(draftId), 'the cards');
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const column = (status: string) =>
    board.shadowRoot!.querySelector<HTMLElement>(`[part="column"][data-status="${status}"]`)!;
  const card = (number: string) =>
    board.shadowRoot!.querySelector<HTMLElement>(`[part="card"][aria-label="${number}"]`);

  function drag(number: string, to: string): void {
    const data = new DataTransfer();
    card(number)!.dispatchEvent(
      new DragEvent('dragstart', { dataTransfer: data, bubbles: true, composed: true }),
    );
    column(to).dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    column(to).dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }

  it('puts each task in its status column and moves it by drag and drop through the engine', async () => {
    expect(column('scheduled').contains(card(scheduledId))).toBe(true);
    expect(column('draft').contains(card(draftId))).toBe(true);
    const moved: unknown[] = [];
    document.addEventListener('rpma-task-moved', (e) => moved.push((e as CustomEvent).detail), {
      once: true,
    });
    drag(scheduledId, 'in_progress');
    await until(() => column('in_progress').contains(card(scheduledId)), 'the card in its new column');
    expect(moved).toEqual([expect.objectContaining({ from: 'scheduled', to: 'in_progress' })]);
    const page = await shop.tasks.page({ status: 'in_progress' });
    expect(page.items.map((t) => t.number)).toEqual([scheduledId]);
  });

  it("shows the engine's refusal of a move the status table forbids, on the card", async () => {
    drag(draftId, 'completed');
    await until(() => !!card(draftId)?.querySelector('[role="alert"]'), 'the refusal');
    const alert = card(draftId)!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(alert.textContent).toContain('This change is not possible now');
    expect(alert.textContent).toMatch(/allowed: scheduled, cancelled/);
    expect(column('draft').contains(card(draftId))).toBe(true);
  });

  it('moves from the keyboard with the Move to menu, asking the reason the engine needs', async () => {
    const select = card(scheduledId)!.querySelector('select')!;
    select.value = 'on_hold';
    select.dispatchEvent(new Event('change'));
    await settled(board);
    const form = card(scheduledId)!.querySelector('form')!;
    expect(form.textContent).toContain(`Why move ${scheduledId} to On hold?`);
    form.querySelector('input')!.value = 'Film back-ordered';
    form.requestSubmit();
    await until(() => column('on_hold').contains(card(scheduledId)), 'the card on hold');
    const task = (await shop.tasks.page({ status: 'on_hold' })).items[0]!;
    expect(task.statusHistory.at(-1)?.reason).toBe('Film back-ordered');
  });

  it('refuses a technician who does not own the task, in words', async () => {
    board.principal = engine.auth.trust({ userId: 'u-tech', role: 'technician' });
    await settled(board);
    drag(scheduledId, 'in_progress');
    await until(() => !!card(scheduledId)?.querySelector('[role="alert"]'), 'the refusal');
    const alert = card(scheduledId)!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(alert.textContent).toContain('Not allowed');
    expect(column('scheduled').contains(card(scheduledId))).toBe(true);
  });

  it('speaks French and has no serious accessibility violations', async () => {
    await setRpmaLocale('fr');
    await settled(board);
    expect(shadowText(board)).toContain('Planifiée');
    expect(shadowText(board)).toContain('Capot');
    expect(await seriousA11yViolations(board)).toEqual([]);
  });
});
