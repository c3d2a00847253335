import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { allDocs, calendarEngineEachTest } from './calendar-engine.js';

const openEngine = calendarEngineEachTest();

async function setup() {
  const world = await openEngine();
  const client = await world.boss.clients.create({ name: 'Léa Martin' });
  const created = await world.boss.tasks.create({
    title: 'Full front PPF',
    clientId: client.id,
    service: 'ppf',
  });
  return { ...world, task: created };
}

const slot = { start: '2026-03-30T09:00', end: '2026-03-30T17:00', technicianId: 'tech-1', bayId: 'bay-1' };

describe('calendar.scheduleTask', () => {
  it('books the appointment and schedules the task in one go', async () => {
    const { boss, task } = await setup();
    const { task: saved, appointment } = await boss.calendar.scheduleTask({ taskId: task.id, ...slot });
    expect(appointment).toMatchObject({
      kind: 'appointment',
      taskId: task.id,
      start: '2026-03-30T07:00:00.000Z',
    });
    expect(saved).toMatchObject({
      status: 'scheduled',
      technicianId: 'tech-1',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      scheduledEnd: '2026-03-30T15:00:00.000Z',
    });
    expect(saved.statusHistory.at(-1)).toMatchObject({ from: 'draft', to: 'scheduled', by: 'supervisor-1' });
    const view = await boss.calendar.list({
      from: '2026-03-30T00:00',
      to: '2026-03-31T00:00',
      taskId: task.id,
    });
    expect(view.map((o) => o.eventId)).toEqual([appointment.id]);
  });

  it('leaves the task untouched when the appointment is refused', async () => {
    const { boss, task, engine } = await setup();
    await boss.calendar.create({
      kind: 'time_off',
      title: 'Off',
      start: '2026-03-30T08:00',
      end: '2026-03-30T18:00',
      technicianId: 'tech-1',
    });
    const tasksBefore = await allDocs(engine, 'tasks');
    const eventsBefore = await allDocs(engine, 'calendarEvents');
    const error = await boss.calendar.scheduleTask({ taskId: task.id, ...slot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('CONFLICT');
    expect(await allDocs(engine, 'tasks')).toEqual(tasksBefore);
    expect(await allDocs(engine, 'calendarEvents')).toEqual(eventsBefore);
  });

  it('moves an already scheduled task: the previous appointment is cancelled, not left double-booked', async () => {
    const { boss, task } = await setup();
    const first = await boss.calendar.scheduleTask({ taskId: task.id, ...slot });
    const second = await boss.calendar.scheduleTask({
      taskId: task.id,
      ...slot,
      start: '2026-03-30T10:00',
      end: '2026-03-30T18:00',
    });
    expect(second.task).toMatchObject({ status: 'scheduled', scheduledStart: '2026-03-30T08:00:00.000Z' });
    await expect(boss.calendar.get({ id: first.appointment.id })).resolves.toMatchObject({
      status: 'cancelled',
    });
  });

  it('is for supervisors and admins only', async () => {
    const { tech, task } = await setup();
    const error = await tech.calendar.scheduleTask({ taskId: task.id, ...slot }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('FORBIDDEN');
  });
});
