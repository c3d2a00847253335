import type { CalendarEventDoc, Engine, Shop } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CalendarEventMovedDetail,
  CalendarEventSelectDetail,
  CalendarNavigateDetail,
  RpmaCalendar,
} from '../elements/calendar.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const supervisor = { userId: 'u-sup', role: 'supervisor', displayName: 'Marc' } as const;
const PEOPLE = [
  { id: 'tech-1', name: 'Julie' },
  { id: 'tech-2', name: 'Karim' },
];

/**
 * The week of Monday 23 March 2026 in Paris (UTC+1; summer time starts on Sunday 29th), seen on
 * Wednesday 25th: a job on Monday, a bay booking on Tuesday, time off on Wednesday, a short job on
 * Thursday, and one the next Monday (after the change to UTC+2).
 */
describe('<rpma-calendar>', () => {
  let engine: Engine;
  let shop: Shop;
  let calendar: RpmaCalendar;
  let job: CalendarEventDoc;
  let curing: CalendarEventDoc;
  let dentist: CalendarEventDoc;
  let hood: CalendarEventDoc;
  let nextWeek: CalendarEventDoc;
  let taskId: string;

  beforeEach(async () => {
    ({ engine } = await testEngine({ start: '2026-03-25T09:00:00Z' }));
    shop = engine.as(engine.auth.trust(supervisor));
    const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
    taskId = (await shop.tasks.create({ title: 'Full front PPF', clientId: client.id, service: 'ppf' })).id;
    job = await shop.calendar.create({
      kind: 'appointment',
      title: 'Full front PPF — Model 3',
      start: '2026-03-23T09:00',
      end: '2026-03-23T12:00',
      technicianId: 'tech-1',
      bayId: 'bay-1',
      taskId,
    });
    curing = await shop.calendar.create({
      kind: 'bay_booking',
      title: 'Ceramic curing',
      start: '2026-03-24T13:00',
      end: '2026-03-24T17:00',
      technicianId: 'tech-2',
      bayId: 'bay-2',
    });
    dentist = await shop.calendar.create({
      kind: 'time_off',
      title: 'Dentist',
      start: '2026-03-25T14:00',
      end: '2026-03-25T16:00',
      technicianId: 'tech-2',
    });
    hood = await shop.calendar.create({
      kind: 'appointment',
      title: 'Hood PPF',
      start: '2026-03-26T09:00',
      end: '2026-03-26T10:00',
      technicianId: 'tech-1',
      bayId: 'bay-1',
    });
    nextWeek = await shop.calendar.create({
      kind: 'appointment',
      title: 'Next week job',
      start: '2026-03-30T09:00',
      end: '2026-03-30T10:00',
      technicianId: 'tech-1',
    });
    calendar = await place('<rpma-calendar></rpma-calendar>');
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
    await engine.close();
  });

  async function place(markup: string): Promise<RpmaCalendar> {
    const element = mount(markup).firstElementChild as RpmaCalendar;
    element.engine = engine;
    element.principal = engine.auth.trust(supervisor);
    element.technicians = PEOPLE;
    await until(() => !!element.shadowRoot?.querySelector('[part="event"]'), 'the first events');
    return element;
  }

  const root = (c = calendar) => c.shadowRoot!;
  const chip = (id: string, c = calendar) =>
    root(c).querySelector<HTMLButtonElement>(`[part="event"][data-event-id="${id}"]`);
  const shownIds = (c = calendar) =>
    [...root(c).querySelectorAll<HTMLElement>('[part="event"]')].map((e) => e.dataset.eventId);
  const heading = (c = calendar) => root(c).querySelector('h2')!.textContent!.trim();
  const button = (text: string, c = calendar) =>
    [...root(c).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;
  const column = (date: string) => root().querySelector<HTMLElement>(`section.column[data-date="${date}"]`)!;
  const movePanel = () => root().querySelector<HTMLElement>('[part="move"]');

  function drag(id: string, target: HTMLElement): void {
    const data = new DataTransfer();
    chip(id)!.dispatchEvent(
      new DragEvent('dragstart', { dataTransfer: data, bubbles: true, composed: true }),
    );
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }

  const slot = (date: string, minute: number) =>
    column(date).querySelector<HTMLElement>(`.slot[data-minute="${minute}"]`)!;

  it('shows the week in the shop’s time zone, each event with its time, title and kind', async () => {
    expect(calendar.view).toBe('week');
    expect(heading()).toBe('Mar 23, 2026 – Mar 29, 2026');
    expect(shadowText(calendar)).toContain('Times in Europe/Paris');
    // the views' styles arrive with them
    expect(getComputedStyle(root().querySelector('[part="toolbar"]')!).display).toBe('flex');
    expect(shownIds()).toEqual([job.id, curing.id, dentist.id, hood.id]);
    // 08:00 UTC is 9:00 in Paris, whatever the browser's own zone
    expect(column('2026-03-23').contains(chip(job.id))).toBe(true);
    expect(chip(job.id)!.textContent).toMatch(/9:00\sAM\s+Full front PPF — Model 3\s+Appointment/);
    expect(chip(curing.id)!.querySelector('[part="kind"]')!.textContent).toContain('Bay booking');
    expect(chip(dentist.id)!.querySelector('[part="kind"]')!.textContent).toContain('Time off');
    expect(chip(job.id)!.textContent).toContain('9:00 AM–12:00 PM, technician Julie, bay bay-1');
    // the time grid starts at the opening hour: the 09:00 job sits below the 08:00 row
    const top = Number.parseFloat(chip(job.id)!.parentElement!.style.top);
    expect(top).toBeCloseTo(10, 0);
  });

  it('navigates with previous, next and today, telling the host', async () => {
    const moves: CalendarNavigateDetail[] = [];
    calendar.addEventListener('rpma-calendar-navigate', (e) => moves.push((e as CustomEvent).detail));
    button('›').click();
    await until(() => heading().startsWith('Mar 30'), 'the next week');
    // after the change to summer time, 07:00 UTC is still 9:00 in Paris
    await until(() => shownIds().join() === nextWeek.id, 'the next week’s event');
    expect(chip(nextWeek.id)!.textContent).toContain('9:00 AM');
    button('‹').click();
    button('‹').click();
    await until(() => heading().startsWith('Mar 16'), 'two weeks back');
    expect(shownIds()).toEqual([]);
    button('Today').click();
    await until(() => heading().startsWith('Mar 23'), 'back to this week');
    expect(moves.map((m) => [m.view, m.from, m.to])).toEqual([
      ['week', '2026-03-30', '2026-04-06'],
      ['week', '2026-03-23', '2026-03-30'],
      ['week', '2026-03-16', '2026-03-23'],
      ['week', '2026-03-23', '2026-03-30'],
    ]);
  });

  it('renders the month, day and agenda views with real events', async () => {
    button('Month').click();
    await until(() => heading() === 'March 2026', 'the month');
    const cell = (date: string) => root().querySelector<HTMLElement>(`td[data-date="${date}"]`)!;
    expect(root().querySelectorAll('td[role="gridcell"]')).toHaveLength(42);
    expect(cell('2026-03-23').contains(chip(job.id))).toBe(true);
    expect(cell('2026-03-30').contains(chip(nextWeek.id))).toBe(true);
    expect(cell('2026-03-25').getAttribute('aria-current')).toBe('date');

    button('Day').click();
    await until(() => heading() === 'Wednesday, March 25, 2026', 'the day');
    expect(shownIds()).toEqual([dentist.id]);

    button('Agenda').click();
    await until(() => root().querySelector('.agenda') !== null, 'the agenda');
    const days = [...root().querySelectorAll('.agenda h3')].map((h) => h.textContent!.trim());
    expect(days).toEqual(['Wednesday, March 25', 'Thursday, March 26', 'Monday, March 30']);
    expect(chip(dentist.id)!.textContent).toMatch(
      /2:00\sPM–4:00\sPM\s+Dentist\s+Time off · technician Karim/,
    );
  });

  it('moves through the month grid from the keyboard and opens a day', async () => {
    calendar.view = 'month';
    await until(() => heading() === 'March 2026', 'the month');
    const focused = () => root().activeElement as HTMLElement | null;
    root().querySelector<HTMLElement>('td[tabindex="0"]')!.focus();
    expect(focused()?.dataset.date).toBe('2026-03-25');
    const key = (k: string) =>
      focused()!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowRight');
    await until(() => focused()?.dataset.date === '2026-03-26', 'the next day focused');
    key('ArrowDown');
    await until(() => focused()?.dataset.date === '2026-04-02', 'a week later, in April');
    await until(() => heading() === 'April 2026', 'April');
    key('PageUp');
    await until(() => heading() === 'March 2026', 'back to March');
    root().querySelector<HTMLElement>('td[data-date="2026-03-23"]')!.focus();
    key('Enter');
    await until(() => heading() === 'Monday, March 23, 2026', 'the day view');
    expect(shownIds()).toEqual([job.id]);
  });

  it('filters by technician and by bay', async () => {
    const technician = root().querySelector<HTMLSelectElement>('select[data-filter="technician"]')!;
    expect([...technician.options].map((o) => o.textContent)).toEqual(['All technicians', 'Julie', 'Karim']);
    technician.value = 'tech-2';
    technician.dispatchEvent(new Event('change'));
    await settled(calendar);
    expect(calendar.technicianId).toBe('tech-2');
    expect(shownIds()).toEqual([curing.id, dentist.id]);
    const bay = root().querySelector<HTMLSelectElement>('select[data-filter="bay"]')!;
    expect([...bay.options].map((o) => o.value)).toEqual(['', 'bay-1', 'bay-2']);
    bay.value = 'bay-1';
    bay.dispatchEvent(new Event('change'));
    await settled(calendar);
    expect(shownIds()).toEqual([]);
    technician.value = '';
    technician.dispatchEvent(new Event('change'));
    await settled(calendar);
    expect(shownIds()).toEqual([job.id, hood.id]);
  });

  it('selects an event, telling the host its event and task', async () => {
    const picked: CalendarEventSelectDetail[] = [];
    document.addEventListener('rpma-calendar-event-select', (e) => picked.push((e as CustomEvent).detail), {
      once: true,
    });
    chip(job.id)!.click();
    await settled(calendar);
    expect(picked).toEqual([expect.objectContaining({ eventId: job.id, taskId })]);
    expect(chip(job.id)!.getAttribute('aria-pressed')).toBe('true');
    const details = root().querySelector('[part="details"]')!;
    expect(details.textContent).toContain('Full front PPF — Model 3');
    expect(details.textContent).toContain('Julie');
  });

  it('reschedules by dragging to another slot, persisted in the engine, and a second calendar agrees', async () => {
    const agenda = await place(
      '<rpma-calendar view="agenda" date="2026-03-23" agenda-days="7"></rpma-calendar>',
    );
    const moved: CalendarEventMovedDetail[] = [];
    document.addEventListener('rpma-calendar-event-moved', (e) => moved.push((e as CustomEvent).detail), {
      once: true,
    });
    drag(job.id, slot('2026-03-24', 600)); // Tuesday 10:00
    await until(() => column('2026-03-24').contains(chip(job.id)), 'the job on Tuesday');
    const saved = await shop.calendar.get({ id: job.id });
    expect(saved).toMatchObject({
      start: '2026-03-24T09:00:00.000Z',
      end: '2026-03-24T12:00:00.000Z',
      override: null,
    });
    expect(moved).toEqual([
      expect.objectContaining({
        eventId: job.id,
        taskId,
        from: { start: '2026-03-23T09:00', end: '2026-03-23T12:00' },
        to: { start: '2026-03-24T10:00', end: '2026-03-24T13:00' },
        overridden: false,
      }),
    ]);
    await until(
      () =>
        root(agenda).querySelector('section[data-date="2026-03-24"]')?.contains(chip(job.id, agenda)) ??
        false,
      'the agenda showing the job on Tuesday',
    );
    expect(chip(job.id, agenda)!.textContent).toContain('10:00 AM–1:00 PM');
    expect(shadowText(calendar)).toContain(
      '“Full front PPF — Model 3” moved to Tuesday, March 24, 10:00 AM–1:00 PM.',
    );
  });

  it('warns about a double booking in words, and cancels or proceeds as asked', async () => {
    drag(hood.id, slot('2026-03-23', 600)); // onto Monday 10:00, during the job (same technician and bay)
    await until(() => movePanel()?.getAttribute('role') === 'alertdialog', 'the warning');
    const warning = movePanel()!;
    expect(warning.textContent).toContain('Move “Hood PPF” to Monday, March 23, 10:00 AM–11:00 AM?');
    const lines = [...warning.querySelectorAll('[part="conflicts"] li')].map((li) => li.textContent!.trim());
    expect(lines).toEqual([
      'Technician Julie is already booked: “Full front PPF — Model 3” (Appointment), Monday, March 23, 9:00 AM–12:00 PM.',
      'Bay bay-1 is already booked: “Full front PPF — Model 3” (Appointment), Monday, March 23, 9:00 AM–12:00 PM.',
    ]);
    expect(root().activeElement?.getAttribute('data-action')).toBe('cancel');
    button('Keep it where it was').click();
    await settled(calendar);
    expect(movePanel()).toBeNull();
    expect(await shop.calendar.get({ id: hood.id })).toMatchObject({ start: hood.start, rev: hood.rev });

    drag(hood.id, slot('2026-03-23', 600));
    await until(() => movePanel()?.getAttribute('role') === 'alertdialog', 'the warning again');
    button('Move anyway').click();
    await until(() => column('2026-03-23').contains(chip(hood.id)), 'the job moved anyway');
    const saved = await shop.calendar.get({ id: hood.id });
    expect(saved.start).toBe('2026-03-23T09:00:00.000Z');
    expect(saved.override).toMatchObject({ conflicts: [job.id], by: 'u-sup' });
  });

  it('warns about a time outside business hours', async () => {
    calendar.view = 'month';
    await until(() => heading() === 'March 2026', 'the month');
    drag(hood.id, root().querySelector<HTMLElement>('td[data-date="2026-03-28"]')!); // a Saturday
    await until(() => movePanel()?.getAttribute('role') === 'alertdialog', 'the warning');
    expect(movePanel()!.textContent).toContain(
      'Outside business hours (08:00–18:00): Saturday, March 28, 9:00 AM–10:00 AM.',
    );
    movePanel()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settled(calendar);
    expect(movePanel()).toBeNull();
  });

  it('shows a refused move in words where it was asked, and leaves the event where it was', async () => {
    calendar.principal = engine.auth.trust({ userId: 'tech-2', role: 'technician' });
    await settled(calendar);
    drag(job.id, slot('2026-03-24', 600)); // Julie's job: not Karim's to move
    await until(() => !!movePanel()?.querySelector('[role="alert"]'), 'the refusal');
    const alert = movePanel()!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(alert.textContent).toContain('Not allowed');
    expect(movePanel()!.textContent).toContain('“Full front PPF — Model 3” was not moved');
    expect(column('2026-03-23').contains(chip(job.id))).toBe(true);
    expect((await shop.calendar.get({ id: job.id })).start).toBe(job.start);

    // Karim may move his own bay booking, but not past a conflict (technicians cannot override)
    drag(curing.id, slot('2026-03-25', 780)); // Wednesday 13:00, over his own time off
    await until(() => movePanel()?.getAttribute('role') === 'alertdialog', 'the warning');
    button('Move anyway').click();
    await until(
      () => movePanel()?.querySelector('[role="alert"]')?.getAttribute('data-code') === 'FORBIDDEN',
      'the refused override',
    );
    expect((await shop.calendar.get({ id: curing.id })).start).toBe(curing.start);
    button('Close').click();
    await settled(calendar);
    expect(movePanel()).toBeNull();
  });

  it('moves from the keyboard: the Move… form, and Alt+arrows on an event', async () => {
    chip(curing.id)!.focus();
    chip(curing.id)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    chip(curing.id)!.click(); // Enter on a button is a click
    await settled(calendar);
    button('Move…').click();
    await settled(calendar);
    const form = root().querySelector<HTMLFormElement>('[part="details"] form')!;
    expect(root().activeElement).toBe(form.querySelector('input[name="date"]'));
    form.querySelector<HTMLInputElement>('input[name="date"]')!.value = '2026-03-27';
    form.querySelector<HTMLInputElement>('input[name="time"]')!.value = '09:00';
    form.requestSubmit();
    await until(() => column('2026-03-27').contains(chip(curing.id)), 'the booking on Friday');
    expect(await shop.calendar.get({ id: curing.id })).toMatchObject({
      start: '2026-03-27T08:00:00.000Z',
      end: '2026-03-27T12:00:00.000Z',
    });

    chip(dentist.id)!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true }),
    );
    await until(() => chip(dentist.id)!.textContent!.includes('2:30 PM'), 'half an hour later');
    chip(dentist.id)!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true, composed: true }),
    );
    await until(() => column('2026-03-26').contains(chip(dentist.id)), 'a day later');
    expect(await shop.calendar.get({ id: dentist.id })).toMatchObject({ start: '2026-03-26T13:30:00.000Z' });
  });

  it('re-renders when the calendar changes elsewhere', async () => {
    await shop.calendar.cancel({ id: dentist.id, reason: 'Rescheduled by phone' });
    await until(() => !chip(dentist.id), 'the cancelled event gone');
    calendar.includeCancelled = true;
    await until(() => chip(dentist.id)?.dataset.status === 'cancelled', 'the cancelled event shown');
    expect(chip(dentist.id)!.draggable).toBe(false);
  });

  it('speaks French', async () => {
    await setRpmaLocale('fr');
    await settled(calendar);
    const text = shadowText(calendar);
    expect(text).toContain('Aujourd’hui');
    expect(text).toContain('Semaine');
    expect(text).toContain('Heures en Europe/Paris');
    expect(heading()).toBe('23 mars 2026 – 29 mars 2026');
    expect(chip(job.id)!.textContent).toMatch(/(^|\s)9:00\s+Full front PPF — Model 3\s+Rendez-vous/);
    expect(chip(curing.id)!.textContent).toContain('Réservation de poste');
    expect(chip(dentist.id)!.textContent).toContain('Absence');
    drag(hood.id, slot('2026-03-23', 600));
    await until(() => movePanel()?.getAttribute('role') === 'alertdialog', 'the warning');
    expect(movePanel()!.textContent).toContain('Le technicien Julie est déjà réservé');
    expect(button('Laisser où il était')).toBeTruthy();
    calendar.view = 'month';
    await until(() => heading() === 'mars 2026', 'the month in French');
  });

  it('has no serious accessibility violations in any view', async () => {
    chip(job.id)!.click();
    await settled(calendar);
    for (const view of ['week', 'month', 'day', 'agenda'] as const) {
      calendar.view = view;
      calendar.date = '2026-03-23';
      await settled(calendar);
      await until(() => !!chip(job.id), `the job in the ${view} view`);
      expect(await seriousA11yViolations(calendar), view).toEqual([]);
    }
    calendar.theme = 'dark';
    await settled(calendar);
    expect(await seriousA11yViolations(calendar), 'dark').toEqual([]);
  });
});
