import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EngineError } from '../../kernel/engine-error.js';
import { defineCommand, defineQuery } from '../command.js';
import { CommandRunner } from '../command-runner.js';
import { dumpStore, type TestShop, testShop } from './test-engine.js';

let t: TestShop;
afterEach(async () => {
  await t.engine.close();
});

const principal = { userId: 'sup-1', role: 'supervisor' as const };

describe('the command path', () => {
  it('writes the document, its audit row and its outbox row in one transaction', async () => {
    t = await testShop();
    const client = await t.supervisor.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
    expect(client).toMatchObject({ rev: 1, name: 'Léa Martin', createdAt: '2026-03-02T09:00:00.000Z' });

    const audit = await t.admin.audit.query({ entity: 'clients', entityId: client.id });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorId: 'supervisor-1',
      actorRole: 'supervisor',
      command: 'clients.create',
      operation: 'create',
      at: '2026-03-02T09:00:00.000Z',
    });
    expect(audit.items[0]?.diff.name).toEqual({ before: null, after: 'Léa Martin' });

    const outbox = await t.admin.outbox.pending();
    expect(outbox.items.map((r) => [r.entity, r.entityId, r.operation])).toEqual([
      ['clients', client.id, 'create'],
    ]);
    expect(outbox.items[0]?.fields).toContain('phone');
  });

  it('records only the changed fields of an update, and writes nothing for an update that changes nothing', async () => {
    t = await testShop();
    const client = await t.supervisor.clients.create({ name: 'Léa Martin' });
    t.clock.advance(60_000);
    const updated = await t.supervisor.clients.update({ id: client.id, rev: 1, email: 'lea@example.fr' });
    expect(updated.rev).toBe(2);
    const same = await t.supervisor.clients.update({ id: client.id, email: 'lea@example.fr' });
    expect(same.rev).toBe(2);

    const audit = await t.admin.audit.query({ entity: 'clients', entityId: client.id });
    expect(audit.items.map((a) => a.operation)).toEqual(['update', 'create']);
    expect(Object.keys(audit.items[0]?.diff ?? {}).sort()).toEqual(['email', 'searchText']);
    const outbox = await t.admin.outbox.pending();
    expect(outbox.items.map((r) => r.operation)).toEqual(['create', 'update']);
    expect(outbox.items[1]?.fields.sort()).toEqual(['email', 'searchText']);
  });

  it('refuses a stale rev with CONFLICT and changes nothing', async () => {
    t = await testShop();
    const client = await t.supervisor.clients.create({ name: 'Léa Martin' });
    await t.supervisor.clients.update({ id: client.id, rev: 1, notes: 'first' });
    const before = await dumpStore(t.engine);
    await expect(
      t.supervisor.clients.update({ id: client.id, rev: 1, notes: 'second' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await dumpStore(t.engine)).toEqual(before);
  });

  it('rolls back everything and publishes nothing when the body fails after writing', async () => {
    t = await testShop();
    const runner = t.engine.container.get(CommandRunner);
    const published: string[] = [];
    t.engine.events.onAny((type) => published.push(type));
    const failing = defineCommand({
      name: 'clients.create',
      input: z.object({ name: z.string() }),
      run: async (ctx, input) => {
        await ctx.insert('clients', { name: input.name });
        ctx.emit('task.created', {
          id: 'x',
          number: 'T',
          status: 'draft',
          clientId: 'c',
          technicianId: null,
          at: ctx.now,
        });
        ctx.afterCommit(() => {
          published.push('after-commit');
        });
        throw new TypeError('disk on fire');
      },
    });
    const before = await dumpStore(t.engine);
    const error = await runner.execute(principal, failing, { name: 'Ghost' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'clients.create failed: disk on fire' });
    expect(await dumpStore(t.engine)).toEqual(before);
    expect(published).toEqual([]);
  });

  it('publishes events after the commit, then runs post-commit actions whose failures are only logged', async () => {
    t = await testShop();
    const runner = t.engine.container.get(CommandRunner);
    const seen: string[] = [];
    t.engine.events.on('task.created', async () => {
      const stored = await t.engine.storage.read((tx) => tx.count('clients'));
      seen.push(`event saw ${stored} client(s)`);
    });
    const command = defineCommand({
      name: 'clients.create',
      input: z.object({ name: z.string() }),
      run: async (ctx, input) => {
        const doc = await ctx.insert('clients', { name: input.name });
        ctx.emit('task.created', {
          id: doc.id,
          number: 'T',
          status: 'draft',
          clientId: doc.id,
          technicianId: null,
          at: ctx.now,
        });
        ctx.afterCommit(() => {
          seen.push('action 1');
          throw new Error('mailer down');
        });
        ctx.afterCommit(() => {
          seen.push('action 2');
        });
        return doc.id;
      },
    });
    const id = await runner.execute(principal, command, { name: 'Léa' });
    expect(typeof id).toBe('string');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['action 1', 'action 2', 'event saw 1 client(s)']);
    expect(t.errors).toEqual(['a post-commit action of clients.create failed']);
  });

  it('publishes data.changed once per committed command, naming the collections it wrote, and never for a refusal', async () => {
    t = await testShop();
    const seen: Array<{ collections: string[]; command: string; by: string }> = [];
    t.engine.events.on('data.changed', ({ collections, command, by }) =>
      seen.push({ collections, command, by }),
    );
    const client = await t.supervisor.clients.create({ name: 'Léa Martin' });
    await t.supervisor.clients.delete({ id: client.id });
    await t.supervisor.trash.restore({ collection: 'clients', id: client.id });
    await expect(t.viewer.clients.create({ name: 'Nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.supervisor.clients.list({});
    await t.admin.settings.update({ name: 'Atelier Lyon' });
    expect(seen).toEqual([
      { collections: ['clients'], command: 'clients.create', by: 'supervisor-1' },
      { collections: ['clients'], command: 'clients.delete', by: 'supervisor-1' },
      { collections: ['clients'], command: 'trash.restore', by: 'supervisor-1' },
      { collections: ['settings'], command: 'settings.update', by: 'admin-1' },
    ]);
  });

  it('refuses a role the table denies before looking at the input', async () => {
    t = await testShop();
    const before = await dumpStore(t.engine);
    await expect(t.viewer.clients.create({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.technician.clients.create({ junk: true } as never)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(t.supervisor.clients.create({ junk: true } as never)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await dumpStore(t.engine)).toEqual(before);
  });

  it('refuses an operation without a policy row, and a malformed principal', async () => {
    t = await testShop();
    const runner = t.engine.container.get(CommandRunner);
    const rogue = defineQuery({ name: 'rogue.read', input: z.undefined(), run: async () => 'secret' });
    await expect(runner.execute({ userId: 'a', role: 'admin' }, rogue, undefined)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(runner.execute({ userId: '', role: 'admin' }, rogue, undefined)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      runner.execute({ userId: 'a', role: 'root' } as never, rogue, undefined),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('acknowledges outbox records once', async () => {
    t = await testShop();
    await t.supervisor.clients.create({ name: 'A' });
    await t.supervisor.clients.create({ name: 'B' });
    const pending = await t.admin.outbox.pending();
    const ids = pending.items.map((r) => r.id);
    expect(await t.admin.outbox.ack({ ids: [...ids, ...ids, 'unknown'] })).toBe(2);
    expect((await t.admin.outbox.pending()).items).toEqual([]);
    await expect(t.supervisor.outbox.pending()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
