import { afterEach, describe, expect, it } from 'vitest';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import { TASK_TRANSITIONS } from '../task-status.js';

let t: TestShop;
afterEach(async () => {
  await t.engine.close();
});

async function withClient(start?: string) {
  t = await testShop(start);
  const client = await t.supervisor.clients.create({ name: 'Léa Martin' });
  return client;
}

describe('task numbers', () => {
  it('numbers tasks per year with the prefix from the settings, without gaps or duplicates under concurrency', async () => {
    const client = await withClient('2026-12-31T22:30:00Z');
    const input = { clientId: client.id, service: 'ppf', title: 'Hood' };
    const created = await Promise.all(Array.from({ length: 20 }, () => t.supervisor.tasks.create(input)));
    const numbers = created.map((task) => task.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[0]).toBe('T-2026-000001');
    expect(numbers[19]).toBe('T-2026-000020');
    t.clock.set('2026-12-31T23:30:00Z');
    expect((await t.supervisor.tasks.create(input)).number).toBe('T-2027-000001');
    await t.admin.settings.update({ taskNumberPrefix: 'PPF' });
    expect((await t.supervisor.tasks.create(input)).number).toBe('PPF-2027-000002');
  });
});

describe('task lifecycle', () => {
  it('creates a task with an inline vehicle, and refuses a vehicle of another client', async () => {
    const client = await withClient();
    const other = await t.supervisor.clients.create({ name: 'Marc' });
    const task = await t.supervisor.tasks.create({
      clientId: client.id,
      service: 'ppf',
      title: 'Full front',
      coverage: ['hood', 'front_bumper'],
      vehicle: { make: 'Porsche', model: '911', plate: 'AB-123-CD' },
    });
    expect(task.status).toBe('draft');
    expect(task.vehicleId).not.toBeNull();
    const history = await t.viewer.vehicles.history({ id: task.vehicleId ?? '' });
    expect(history.items.map((x) => x.id)).toEqual([task.id]);
    await expect(
      t.supervisor.tasks.create({
        clientId: other.id,
        vehicleId: task.vehicleId ?? '',
        service: 'ppf',
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION' });
  });

  it('moves along the status table only, recording who, when and why', async () => {
    const client = await withClient();
    const task = await t.supervisor.tasks.create({
      clientId: client.id,
      service: 'ceramic',
      title: 'Coating',
    });
    await expect(t.supervisor.tasks.changeStatus({ id: task.id, to: 'completed' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: TASK_TRANSITIONS.draft },
    });
    await expect(t.supervisor.tasks.changeStatus({ id: task.id, to: 'scheduled' })).rejects.toMatchObject({
      code: 'PRECONDITION',
    });
    await t.supervisor.tasks.update({ id: task.id, scheduledStart: '2026-03-03T08:00:00+01:00' });
    const statuses: string[] = [];
    t.engine.events.on('task.status_changed', (e) => statuses.push(`${e.from}→${e.to}`));
    await t.supervisor.tasks.changeStatus({ id: task.id, to: 'scheduled' });
    await expect(t.supervisor.tasks.changeStatus({ id: task.id, to: 'on_hold' })).rejects.toMatchObject({
      code: 'PRECONDITION',
    });
    t.clock.advance(60_000);
    await t.supervisor.tasks.changeStatus({ id: task.id, to: 'on_hold', reason: 'Film back-ordered' });
    const got = await t.viewer.tasks.get({ id: task.id });
    expect(got.scheduledStart).toBe('2026-03-03T07:00:00.000Z');
    expect(got.statusHistory.map((h) => [h.from, h.to, h.by, h.reason])).toEqual([
      [null, 'draft', 'supervisor-1', null],
      ['draft', 'scheduled', 'supervisor-1', null],
      ['scheduled', 'on_hold', 'supervisor-1', 'Film back-ordered'],
    ]);
    expect(got.statusHistory[2]?.at).toBe('2026-03-02T09:01:00.000Z');
    expect(statuses).toEqual(['draft→scheduled', 'scheduled→on_hold']);
  });

  it('delays with a reason, and derives overdue from the due date', async () => {
    const client = await withClient();
    const task = await t.supervisor.tasks.create({
      clientId: client.id,
      service: 'ppf',
      title: 'Hood',
      scheduledStart: '2026-03-03T08:00:00Z',
      dueAt: '2026-03-04T18:00:00Z',
    });
    const updates: string[][] = [];
    t.engine.events.on('task.updated', (e) => updates.push(e.fields.sort()));
    await expect(
      t.supervisor.tasks.delay({ id: task.id, reason: 'Parts', scheduledStart: '2026-03-01T08:00:00Z' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION' });
    const delayed = await t.supervisor.tasks.delay({
      id: task.id,
      reason: 'Parts late',
      scheduledStart: '2026-03-05T08:00:00Z',
    });
    expect(delayed.delays).toEqual([
      expect.objectContaining({
        reason: 'Parts late',
        fromStart: '2026-03-03T08:00:00.000Z',
        toStart: '2026-03-05T08:00:00.000Z',
      }),
    ]);
    expect(delayed.overdue).toBe(false);
    expect(updates).toEqual([['delays', 'scheduledStart']]);
    t.clock.set('2026-03-05T09:00:00Z');
    expect((await t.viewer.tasks.get({ id: task.id })).overdue).toBe(true);
    expect((await t.viewer.tasks.page({ overdue: true })).items.map((x) => x.id)).toEqual([task.id]);
    expect((await t.viewer.tasks.page({ overdue: false })).items).toEqual([]);
  });
});

describe('task queries', () => {
  it('filters by status, technician and date range, sorts, pages by cursor and counts per status', async () => {
    const client = await withClient();
    for (let day = 1; day <= 9; day++) {
      await t.supervisor.tasks.create({
        clientId: client.id,
        service: 'ppf',
        title: `Job ${day}`,
        technicianId: day % 2 === 0 ? 'tech-a' : 'tech-b',
        scheduledStart: `2026-03-${String(10 + day).padStart(2, '0')}T08:00:00Z`,
      });
    }
    await t.supervisor.tasks.create({ clientId: client.id, service: 'ppf', title: 'Unplanned' });
    const query = {
      status: ['scheduled' as const],
      technicianId: 'tech-b',
      from: '2026-03-12T00:00:00Z',
      limit: 2,
    };
    const first = await t.viewer.tasks.page(query);
    expect(first.items.map((x) => x.title)).toEqual(['Job 3', 'Job 5']);
    const second = await t.viewer.tasks.page({ ...query, after: first.nextCursor ?? '' });
    expect(second.items.map((x) => x.title)).toEqual(['Job 7', 'Job 9']);
    expect(second.nextCursor).toBeNull();
    const desc = await t.viewer.tasks.page({ technicianId: 'tech-a', direction: 'desc', limit: 1 });
    expect(desc.items[0]?.title).toBe('Job 8');
    expect((await t.viewer.tasks.page({ text: 'unplan' })).items.map((x) => x.title)).toEqual(['Unplanned']);
    expect(await t.viewer.tasks.countByStatus()).toEqual({
      draft: 1,
      scheduled: 9,
      in_progress: 0,
      on_hold: 0,
      completed: 0,
      cancelled: 0,
      archived: 0,
    });
    expect((await t.viewer.tasks.countByStatus({ technicianId: 'tech-a' })).scheduled).toBe(4);
  });
});

describe('technician ownership', () => {
  it('lets a technician change only status, notes, checklist, film lot and duration of their own tasks', async () => {
    const client = await withClient();
    const mine = await t.supervisor.tasks.create({
      clientId: client.id,
      service: 'ppf',
      title: 'Mine',
      technicianId: 'technician-1',
      scheduledStart: '2026-03-03T08:00:00Z',
    });
    const theirs = await t.supervisor.tasks.create({
      clientId: client.id,
      service: 'ppf',
      title: 'Theirs',
      technicianId: 'someone-else',
    });
    const tech = t.technician;
    const updated = await tech.tasks.update({
      id: mine.id,
      notes: 'Edges heated',
      filmLot: 'LOT-7',
      actualDurationMinutes: 95,
    });
    expect(updated).toMatchObject({ notes: 'Edges heated', filmLot: 'LOT-7', actualDurationMinutes: 95 });
    await expect(tech.tasks.update({ id: mine.id, title: 'Renamed' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { fields: ['title'] },
    });
    await expect(tech.tasks.update({ id: theirs.id, notes: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      tech.tasks.changeStatus({ id: theirs.id, to: 'cancelled', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await tech.tasks.changeStatus({ id: mine.id, to: 'in_progress' })).status).toBe('in_progress');
    await expect(tech.tasks.delete({ id: mine.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.viewer.tasks.update({ id: mine.id, notes: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
