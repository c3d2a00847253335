import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { allDocs, calendarEngineEachTest } from './calendar-engine.js';

const openEngine = calendarEngineEachTest();

/** A client, a task scheduled on 30 March with its appointment, a bay booking for the same task, and an unrelated event. */
async function setup() {
  const world = await openEngine();
  const { boss } = world;
  const client = await boss.clients.create({ name: 'Léa Martin' });
  const created = await boss.tasks.create({ title: 'Full front PPF', clientId: client.id, service: 'ppf' });
  const { task, appointment } = await boss.calendar.scheduleTask({
    taskId: created.id,
    start: '2026-03-30T09:00',
    end: '2026-03-30T12:00',
    technicianId: 'tech-1',
  });
  const bay = await boss.calendar.create({
    kind: 'bay_booking',
    title: 'Curing bay',
    start: '2026-03-30T13:00',
    end: '2026-03-30T17:00',
    bayId: 'bay-2',
    taskId: task.id,
  });
  const other = await boss.calendar.create({
    kind: 'appointment',
    title: 'Another job',
    start: '2026-03-31T09:00',
    end: '2026-03-31T10:00',
    technicianId: 'tech-1',
  });
  return { ...world, task, appointment, bay, other };
}

const day = { from: '2026-03-30T00:00', to: '2026-04-01T00:00' };

describe('a task’s calendar events follow the task', () => {
  it('tasks.delete cancels the task’s events in the same transaction, audited under the command, and frees their slots', async () => {
    const { boss, task, appointment, bay, other, engine } = await setup();
    const changes: string[] = [];
    engine.events.on('calendar.changed', (e) => changes.push(`${e.eventId}:${e.change}`));
    await boss.tasks.delete({ id: task.id });

    for (const id of [appointment.id, bay.id]) {
      const event = await boss.calendar.get({ id });
      expect(event).toMatchObject({ status: 'cancelled', cancelReason: 'the task was deleted' });
    }
    expect(await boss.calendar.get({ id: other.id })).toMatchObject({ status: 'booked' });
    expect(changes.sort()).toEqual([`${appointment.id}:cancelled`, `${bay.id}:cancelled`].sort());

    const audit = await boss.audit.query({ entity: 'calendarEvents', entityId: appointment.id });
    expect(audit.items[0]).toMatchObject({
      command: 'tasks.delete',
      operation: 'update',
      actorId: 'supervisor-1',
      diff: { status: { before: 'booked', after: 'cancelled' } },
    });
    const taskAudit = await boss.audit.query({ entity: 'tasks', entityId: task.id });
    expect(taskAudit.items[0]).toMatchObject({ command: 'tasks.delete', operation: 'delete' });
    expect(audit.items[0]!.at).toBe(taskAudit.items[0]!.at);

    const shown = await boss.calendar.list(day);
    expect(shown.map((o) => o.eventId)).toEqual([other.id]);
    // the slots are free: booking them again is not a double booking
    const again = await boss.calendar.checkConflicts({
      kind: 'appointment',
      title: 'Walk-in',
      start: '2026-03-30T09:00',
      end: '2026-03-30T17:00',
      technicianId: 'tech-1',
      bayId: 'bay-2',
    });
    expect(again.conflicts).toEqual([]);
  });

  it('a refused delete leaves the task and its events exactly as they were', async () => {
    const { boss, tech, task, engine } = await setup();
    const before = await allDocs(engine, 'calendarEvents');
    const stale = await boss.tasks.delete({ id: task.id, rev: task.rev - 1 }).catch((e: unknown) => e);
    expect((stale as EngineError).code).toBe('CONFLICT');
    const forbidden = await tech.tasks.delete({ id: task.id }).catch((e: unknown) => e);
    expect((forbidden as EngineError).code).toBe('FORBIDDEN');
    expect(await allDocs(engine, 'calendarEvents')).toEqual(before);
  });

  it('moving a task to cancelled cancels its events with the reason, for a technician on their own task too', async () => {
    const { boss, tech, task, appointment, bay, other } = await setup();
    await boss.tasks.update({ id: task.id, technicianId: 'tech-1' });
    await tech.tasks.changeStatus({ id: task.id, to: 'cancelled', reason: 'Customer sold the car' });
    for (const id of [appointment.id, bay.id]) {
      expect(await boss.calendar.get({ id })).toMatchObject({
        status: 'cancelled',
        cancelReason: 'the task was cancelled: Customer sold the car',
      });
    }
    expect(await boss.calendar.get({ id: other.id })).toMatchObject({ status: 'booked' });
    const audit = await boss.audit.query({ entity: 'calendarEvents', entityId: bay.id });
    expect(audit.items[0]).toMatchObject({ command: 'tasks.changeStatus', actorId: 'tech-1' });
  });

  it('a refused cancellation (no reason) cancels nothing', async () => {
    const { boss, task, engine } = await setup();
    const before = await allDocs(engine, 'calendarEvents');
    const error = await boss.tasks.changeStatus({ id: task.id, to: 'cancelled' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('PRECONDITION');
    expect(await allDocs(engine, 'calendarEvents')).toEqual(before);
  });

  it('other moves (on hold, in progress, completed) leave the calendar alone', async () => {
    const { boss, task, appointment } = await setup();
    await boss.tasks.changeStatus({ id: task.id, to: 'on_hold', reason: 'Film back-ordered' });
    await boss.tasks.changeStatus({ id: task.id, to: 'in_progress' });
    await boss.tasks.changeStatus({ id: task.id, to: 'completed' });
    expect(await boss.calendar.get({ id: appointment.id })).toMatchObject({ status: 'booked' });
  });

  it('restoring the task from the trash does not rebook its events; scheduleTask books it again', async () => {
    const { boss, task, appointment, bay, other } = await setup();
    await boss.tasks.delete({ id: task.id });
    // someone takes the freed morning meanwhile
    const taker = await boss.calendar.create({
      kind: 'appointment',
      title: 'Walk-in',
      start: '2026-03-30T09:00',
      end: '2026-03-30T10:00',
      technicianId: 'tech-1',
    });
    await boss.trash.restore({ collection: 'tasks', id: task.id });
    const restored = await boss.tasks.get({ id: task.id });
    expect(restored).toMatchObject({ deletedAt: null, status: 'scheduled' });
    for (const id of [appointment.id, bay.id]) {
      expect(await boss.calendar.get({ id })).toMatchObject({ status: 'cancelled' });
    }
    const shown = await boss.calendar.list({ ...day, taskId: task.id });
    expect(shown).toEqual([]);
    const history = await boss.calendar.list({ ...day, taskId: task.id, includeCancelled: true });
    expect(history.map((o) => o.eventId).sort()).toEqual([appointment.id, bay.id].sort());

    const { appointment: rebooked } = await boss.calendar.scheduleTask({
      taskId: task.id,
      start: '2026-03-30T10:00',
      end: '2026-03-30T13:00',
      technicianId: 'tech-1',
    });
    const view = await boss.calendar.list({ ...day, technicianId: 'tech-1' });
    expect(view.map((o) => o.eventId)).toEqual([taker.id, rebooked.id, other.id]);
  });

  it('an event of a deleted task cannot be restored on its own while the task is in the trash', async () => {
    const { boss, task, other } = await setup();
    await boss.calendar.update({ id: other.id, taskId: task.id });
    await boss.calendar.delete({ id: other.id });
    await boss.tasks.delete({ id: task.id });
    const error = await boss.trash
      .restore({ collection: 'calendarEvents', id: other.id })
      .catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('NOT_FOUND');
  });
});
