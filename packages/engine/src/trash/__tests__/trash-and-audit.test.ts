import { afterEach, describe, expect, it } from 'vitest';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';

let t: TestShop;
afterEach(async () => {
  await t.engine.close();
});

describe('trash', () => {
  it('lists deleted documents, restores them, and lets only admins purge', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa' });
    const task = await t.supervisor.tasks.create({ clientId: lea.id, service: 'ppf', title: 'Hood' });
    await t.supervisor.tasks.delete({ id: task.id });
    t.clock.advance(1000);
    const marc = await t.supervisor.clients.create({ name: 'Marc' });
    await t.supervisor.clients.delete({ id: marc.id });
    const all = await t.supervisor.trash.list();
    expect(all.items.map((i) => [i.collection, i.doc.id])).toEqual([
      ['clients', marc.id],
      ['tasks', task.id],
    ]);
    expect((await t.viewer.tasks.page()).items).toEqual([]);
    await expect(t.supervisor.trash.purge({ collection: 'tasks', id: task.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(t.admin.trash.purge({ collection: 'clients', id: lea.id })).rejects.toMatchObject({
      code: 'PRECONDITION',
    });
    await t.admin.trash.purge({ collection: 'tasks', id: task.id });
    await t.admin.trash.purge({ collection: 'clients', id: marc.id });
    expect((await t.supervisor.trash.list()).items).toEqual([]);
    await expect(t.admin.trash.restore({ collection: 'tasks', id: task.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.admin.trash.list({ collection: 'auditEvents' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('refuses to restore a task whose client is still in the trash', async () => {
    t = await testShop();
    const lea = await t.supervisor.clients.create({ name: 'Léa' });
    const task = await t.supervisor.tasks.create({ clientId: lea.id, service: 'ppf', title: 'Hood' });
    await t.supervisor.tasks.delete({ id: task.id });
    await t.supervisor.clients.delete({ id: lea.id });
    await expect(t.supervisor.trash.restore({ collection: 'tasks', id: task.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await t.supervisor.trash.restore({ collection: 'clients', id: lea.id });
    await t.supervisor.trash.restore({ collection: 'tasks', id: task.id });
    expect((await t.viewer.tasks.get({ id: task.id })).number).toBe(task.number);
  });
});

describe('audit', () => {
  it('answers by entity, actor and time range, for supervisors and admins only', async () => {
    t = await testShop();
    const lea = await t.as('supervisor', 'sup-a').clients.create({ name: 'Léa' });
    t.clock.advance(3_600_000);
    await t.as('supervisor', 'sup-b').clients.update({ id: lea.id, notes: 'VIP' });
    await t.as('supervisor', 'sup-b').clients.delete({ id: lea.id });
    const byActor = await t.admin.audit.query({ actorId: 'sup-b' });
    expect(byActor.items.map((a) => a.operation)).toEqual(['delete', 'update']);
    const firstHour = await t.admin.audit.query({ from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z' });
    expect(firstHour.items.map((a) => [a.actorId, a.command])).toEqual([['sup-a', 'clients.create']]);
    const update = byActor.items[1];
    expect(update?.diff.notes).toEqual({ before: '', after: 'VIP' });
    await expect(t.technician.audit.query({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
