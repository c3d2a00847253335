import { describe, expect, it } from 'vitest';
import { refusal } from '../../testing/refusal.js';
import { allDocs, calendarEngineEachTest } from './calendar-engine.js';

const setup = calendarEngineEachTest();

const appointment = {
  kind: 'appointment' as const,
  title: 'Full front PPF — Model 3',
  start: '2026-03-03T09:00',
  end: '2026-03-03T12:00',
  technicianId: 'tech-1',
  bayId: 'bay-1',
};

describe('calendar bookings on the command path', () => {
  it('stores times in UTC from Paris wall times and shows them back in the organisation zone', async () => {
    const { boss } = await setup();
    const event = await boss.calendar.create(appointment);
    expect(event).toMatchObject({
      start: '2026-03-03T08:00:00.000Z',
      end: '2026-03-03T11:00:00.000Z',
      status: 'booked',
    });
    const [shown] = await boss.calendar.list({ from: '2026-03-03T00:00', to: '2026-03-04T00:00' });
    expect(shown).toMatchObject({
      eventId: event.id,
      localStart: '2026-03-03T09:00',
      localEnd: '2026-03-03T12:00',
    });
  });

  it('refuses a technician double booking with CONFLICT naming the event, and writes nothing', async () => {
    const { engine, boss } = await setup();
    const first = await boss.calendar.create(appointment);
    const before = await allDocs(engine, 'calendarEvents');
    const error = await refusal(
      boss.calendar.create({
        ...appointment,
        title: 'Ceramic',
        bayId: 'bay-2',
        start: '2026-03-03T11:00',
        end: '2026-03-03T13:00',
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(first.id);
    expect(error.details.conflicts).toEqual([
      expect.objectContaining({ eventId: first.id, resource: 'technician', resourceId: 'tech-1' }),
    ]);
    expect(await allDocs(engine, 'calendarEvents')).toEqual(before);
  });

  it('refuses a bay double booked by another technician', async () => {
    const { boss } = await setup();
    const first = await boss.calendar.create(appointment);
    const error = await refusal(
      boss.calendar.create({
        ...appointment,
        technicianId: 'tech-2',
        start: '2026-03-03T10:00',
        end: '2026-03-03T11:00',
      }),
    );
    expect(error.details.conflicts).toEqual([
      expect.objectContaining({ eventId: first.id, resource: 'bay' }),
    ]);
  });

  it('counts recurring time off: a booking on the third Friday off is refused', async () => {
    const { boss } = await setup();
    const off = await boss.calendar.create({
      kind: 'time_off',
      title: 'Friday afternoons off',
      start: '2026-03-06T13:00',
      end: '2026-03-06T18:00',
      technicianId: 'tech-1',
      recurrence: 'FREQ=WEEKLY;BYDAY=FR',
    });
    const error = await refusal(
      boss.calendar.create({ ...appointment, start: '2026-03-20T14:00', end: '2026-03-20T15:00' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details.conflicts).toEqual([
      expect.objectContaining({ eventId: off.id, kind: 'time_off', start: '2026-03-20T12:00:00.000Z' }),
    ]);
    await expect(
      boss.calendar.create({ ...appointment, start: '2026-03-20T09:00', end: '2026-03-20T12:00' }),
    ).resolves.toMatchObject({ status: 'booked' });
  });

  it('allows a double booking with override: true and records the override in the audit row', async () => {
    const { boss } = await setup();
    const first = await boss.calendar.create(appointment);
    const second = await boss.calendar.create({ ...appointment, title: 'Rush job', override: true });
    expect(second.override).toMatchObject({ conflicts: [first.id], outsideHours: false, by: 'supervisor-1' });
    const audit = await boss.audit.query({ entity: 'calendarEvents', entityId: second.id });
    const items = 'items' in audit ? audit.items : audit;
    expect(JSON.stringify(items)).toContain(first.id);
  });

  it('refuses a booking outside business hours with PRECONDITION, unless overridden', async () => {
    const { boss } = await setup();
    const saturday = { ...appointment, start: '2026-03-07T09:00', end: '2026-03-07T10:00' };
    const error = await refusal(boss.calendar.create(saturday));
    expect(error.code).toBe('PRECONDITION');
    expect(error.message).toContain('closed day');
    await expect(boss.calendar.create({ ...saturday, override: true })).resolves.toMatchObject({
      override: expect.objectContaining({ outsideHours: true }),
    });
  });

  it('keeps 08:00–18:00 on the Paris clock across the March DST change', async () => {
    const { boss } = await setup();
    const weekly = await boss.calendar.create({
      ...appointment,
      start: '2026-03-23T08:00',
      end: '2026-03-23T18:00',
      recurrence: 'FREQ=WEEKLY;COUNT=3',
    });
    const shown = await boss.calendar.list({
      from: '2026-03-23T00:00',
      to: '2026-04-13T00:00',
      bayId: 'bay-1',
    });
    expect(shown.map((o) => [o.start, o.localStart])).toEqual([
      ['2026-03-23T07:00:00.000Z', '2026-03-23T08:00'],
      ['2026-03-30T06:00:00.000Z', '2026-03-30T08:00'],
      ['2026-04-06T06:00:00.000Z', '2026-04-06T08:00'],
    ]);
    expect(weekly.seriesEnd).toBe('2026-04-06T16:00:00.000Z');
    const elsewhere = { ...appointment, technicianId: 'tech-9', bayId: 'bay-9' };
    const sameUtcHours = { start: 'T06:00:00Z', end: 'T07:00:00Z' };
    const friday = await refusal(
      boss.calendar.create({
        ...elsewhere,
        start: `2026-03-27${sameUtcHours.start}`,
        end: `2026-03-27${sameUtcHours.end}`,
      }),
    );
    expect(friday.details.outsideHours).toEqual([
      expect.objectContaining({ reason: 'starts at 07:00, before opening at 08:00' }),
    ]);
    await expect(
      boss.calendar.create({
        ...elsewhere,
        start: `2026-03-30${sameUtcHours.start}`,
        end: `2026-03-30${sameUtcHours.end}`,
      }),
    ).resolves.toMatchObject({ override: null });
  });

  it('reschedules, cancels and soft-deletes, freeing the slot each time', async () => {
    const { boss, engine } = await setup();
    const changes: string[] = [];
    engine.events.on('calendar.changed', (e) => changes.push(e.change));
    const event = await boss.calendar.create(appointment);
    const moved = await boss.calendar.reschedule({
      id: event.id,
      start: '2026-03-04T09:00',
      end: '2026-03-04T12:00',
    });
    expect(moved).toMatchObject({ start: '2026-03-04T08:00:00.000Z', rev: 2 });
    await boss.calendar.create(appointment);
    const cancelled = await boss.calendar.cancel({ id: moved.id, reason: 'Customer postponed' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Customer postponed' });
    await boss.calendar.create({ ...appointment, start: '2026-03-04T09:00', end: '2026-03-04T12:00' });
    await boss.calendar.delete({ id: moved.id });
    await expect(refusal(boss.calendar.get({ id: moved.id }))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(changes).toEqual(['created', 'rescheduled', 'created', 'cancelled', 'created', 'deleted']);
  });

  it('restores a deleted event from the trash unless its slot was taken meanwhile', async () => {
    const { boss, admin, engine } = await setup();
    const changes: string[] = [];
    engine.events.on('calendar.changed', (e) => changes.push(e.change));
    const first = await boss.calendar.create(appointment);
    await boss.calendar.delete({ id: first.id });
    await boss.trash.restore({ collection: 'calendarEvents', id: first.id });
    await expect(boss.calendar.get({ id: first.id })).resolves.toMatchObject({ deletedAt: null });
    await boss.calendar.delete({ id: first.id });
    const taker = await boss.calendar.create(appointment);
    const error = await refusal(admin.trash.restore({ collection: 'calendarEvents', id: first.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(taker.id);
    expect(changes).toEqual(['created', 'deleted', 'restored', 'deleted', 'created']);
  });

  it('books across the night Paris springs forward: 67 hours, not 68, ending at 10:00 local', async () => {
    const { boss } = await setup();
    const wrap = await boss.calendar.create({
      ...appointment,
      kind: 'bay_booking',
      title: 'Full body wrap',
      start: '2026-03-27T14:00',
      end: '2026-03-30T10:00',
    });
    expect([wrap.start, wrap.end]).toEqual(['2026-03-27T13:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    expect((Date.parse(wrap.end) - Date.parse(wrap.start)) / 3_600_000).toBe(67);
    const [shown] = await boss.calendar.list({
      from: '2026-03-29T00:00',
      to: '2026-03-30T00:00',
      bayId: 'bay-1',
    });
    expect(shown).toMatchObject({ localStart: '2026-03-27T14:00', localEnd: '2026-03-30T10:00' });
  });

  it('keeps a weekly 09:00 at 09:00 local when Paris falls back in October', async () => {
    const { boss } = await setup();
    await boss.calendar.create({
      ...appointment,
      start: '2026-10-19T09:00',
      end: '2026-10-19T10:00',
      recurrence: 'FREQ=WEEKLY;COUNT=2',
    });
    const shown = await boss.calendar.list({ from: '2026-10-19T00:00', to: '2026-10-27T00:00' });
    expect(shown.map((o) => [o.start, o.localStart])).toEqual([
      ['2026-10-19T07:00:00.000Z', '2026-10-19T09:00'],
      ['2026-10-26T08:00:00.000Z', '2026-10-26T09:00'],
    ]);
  });

  it('views per technician, bay, task and kind, hiding cancelled events unless asked', async () => {
    const { boss } = await setup();
    const a = await boss.calendar.create(appointment);
    const b = await boss.calendar.create({ ...appointment, technicianId: 'tech-2', bayId: 'bay-2' });
    const off = await boss.calendar.create({
      kind: 'time_off',
      title: 'Off',
      start: '2026-03-05T08:00',
      end: '2026-03-05T18:00',
      technicianId: 'tech-2',
    });
    await boss.calendar.cancel({ id: a.id });
    const range = { from: '2026-03-01T00:00', to: '2026-03-08T00:00' };
    const ids = async (q: object) => (await boss.calendar.list({ ...range, ...q })).map((o) => o.eventId);
    expect(await ids({})).toEqual([b.id, off.id]);
    expect(await ids({ technicianId: 'tech-2', kinds: ['time_off'] })).toEqual([off.id]);
    expect(await ids({ bayId: 'bay-1', includeCancelled: true })).toEqual([a.id]);
  });

  it('lets a technician book their own time off but not someone else’s, nor override', async () => {
    const { tech } = await setup();
    const own = {
      kind: 'time_off' as const,
      title: 'Dentist',
      start: '2026-03-03T14:00',
      end: '2026-03-03T16:00',
      technicianId: 'tech-1',
    };
    await expect(tech.calendar.create(own)).resolves.toMatchObject({ technicianId: 'tech-1' });
    await expect(refusal(tech.calendar.create({ ...own, technicianId: 'tech-2' }))).resolves.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(refusal(tech.calendar.create({ ...own, override: true }))).resolves.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses bad times and rules with VALIDATION', async () => {
    const { boss } = await setup();
    const cases = [
      { ...appointment, end: '2026-03-03T08:00' },
      { ...appointment, start: 'tomorrow' },
      { ...appointment, recurrence: 'FREQ=MINUTELY' },
      { ...appointment, kind: 'bay_booking' as const, bayId: null },
    ];
    for (const input of cases) {
      await expect(refusal(boss.calendar.create(input))).resolves.toMatchObject({ code: 'VALIDATION' });
    }
  });
});
