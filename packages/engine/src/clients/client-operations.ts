import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { cursor, idString, pageLimit, revNumber } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, Page } from '../storage/contract.js';
import { type Client, clientFields, clientSearchText } from './client-model.js';

const createInput = z.strictObject({
  kind: z._default(clientFields.kind, 'individual'),
  name: clientFields.name,
  contactName: z.optional(clientFields.contactName),
  email: z.optional(clientFields.email),
  phone: z.optional(clientFields.phone),
  address: z.optional(clientFields.address),
  taxId: z.optional(clientFields.taxId),
  tags: z.optional(clientFields.tags),
  notes: z.optional(clientFields.notes),
});

/**
 * `clients.create`: a new client (individual by default), with zeroed stats.
 *
 * @example
 * ```ts
 * const lea = await shop.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78', email: 'lea@example.fr' });
 * ```
 */
export const createClient = defineCommand({
  name: 'clients.create',
  input: createInput,
  run: (ctx, input): Promise<Doc<Client>> => {
    const fields = {
      kind: input.kind,
      name: input.name,
      contactName: input.contactName ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      taxId: input.taxId ?? null,
      tags: input.tags ?? [],
      notes: input.notes ?? '',
      stats: { tasks: 0, completed: 0, totalBilled: 0, lastVisitAt: null },
      plates: [],
    };
    return ctx.insert<Client>('clients', { ...fields, searchText: clientSearchText(fields) });
  },
});

const updateInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  kind: z.optional(clientFields.kind),
  name: z.optional(clientFields.name),
  contactName: z.optional(clientFields.contactName),
  email: z.optional(clientFields.email),
  phone: z.optional(clientFields.phone),
  address: z.optional(clientFields.address),
  taxId: z.optional(clientFields.taxId),
  tags: z.optional(clientFields.tags),
  notes: z.optional(clientFields.notes),
});

/**
 * `clients.update`: changes some fields (null clears an optional one). With `rev`, refused with
 * `CONFLICT` when the client changed since it was read.
 *
 * @example
 * ```ts
 * await shop.clients.update({ id: lea.id, rev: lea.rev, tags: ['vip'] });
 * ```
 */
export const updateClient = defineCommand({
  name: 'clients.update',
  input: updateInput,
  run: async (ctx, input): Promise<Doc<Client>> => {
    const { id, rev, ...patch } = input;
    const client = await ctx.load<Client>('clients', id, rev === undefined ? {} : { rev });
    const merged = {
      ...client,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    return ctx.update<Client>('clients', client, { ...patch, searchText: clientSearchText(merged) });
  },
});

/**
 * `clients.delete`: moves a client to the trash. Refused (`PRECONDITION`) while the client has
 * live vehicles or tasks: delete or reassign those first.
 *
 * @example
 * ```ts
 * await shop.clients.delete({ id: lea.id });
 * ```
 */
export const deleteClient = defineCommand({
  name: 'clients.delete',
  input: z.strictObject({ id: idString, rev: z.optional(revNumber) }),
  run: async (ctx, input): Promise<Doc<Client>> => {
    const client = await ctx.load<Client>(
      'clients',
      input.id,
      input.rev === undefined ? {} : { rev: input.rev },
    );
    const vehicles = await ctx.tx.count('vehicles', { clientId: client.id });
    const tasks = await ctx.tx.count('tasks', { clientId: client.id });
    if (vehicles + tasks > 0) {
      throw new EngineError(
        'PRECONDITION',
        `client ${client.name} still has ${vehicles} vehicle(s) and ${tasks} task(s)`,
        {
          details: { id: client.id, vehicles, tasks },
        },
      );
    }
    return ctx.softDelete<Client>('clients', client);
  },
});

/**
 * `clients.get`: one live client (`NOT_FOUND` when missing or in the trash).
 *
 * @example
 * ```ts
 * const { stats } = await shop.clients.get({ id });
 * ```
 */
export const getClient = defineQuery({
  name: 'clients.get',
  input: z.strictObject({ id: idString }),
  run: (ctx, input) => ctx.load<Client>('clients', input.id),
});

/**
 * `clients.list`: live clients sorted by name (or last visit, most recent first), cursor-paged.
 *
 * @example
 * ```ts
 * const page = await shop.clients.list({ limit: 50 });
 * const next = await shop.clients.list({ limit: 50, after: page.nextCursor });
 * ```
 */
export const listClients = defineQuery({
  name: 'clients.list',
  input: z.optional(
    z.strictObject({
      kind: z.optional(clientFields.kind),
      sort: z.optional(z.enum(['name', 'lastVisit'])),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  run: (ctx, input): Promise<Page<Doc<Client>>> =>
    ctx.tx.find<Client>('clients', {
      where: input?.kind ? { kind: input.kind } : {},
      orderBy:
        input?.sort === 'lastVisit'
          ? [{ field: 'stats.lastVisitAt', direction: 'desc' }]
          : [{ field: 'name' }],
      limit: input?.limit ?? 50,
      ...(input?.after ? { after: input.after } : {}),
    }),
});

/**
 * `clients.search`: live clients matching every word typed, as word prefixes, accent- and
 * case-insensitive, best first — over name, contact, email, tax id, tags, phone (digits and
 * national form: "0612") and plates ("AB123" or "AB-123").
 *
 * @example
 * ```ts
 * await shop.clients.search({ text: 'lea mar' });
 * await shop.clients.search({ text: '0612' });
 * ```
 */
export const searchClients = defineQuery({
  name: 'clients.search',
  input: z.strictObject({
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
  }),
  run: (ctx, input): Promise<Doc<Client>[]> =>
    ctx.tx.search<Client>('clients', { text: input.text, limit: input.limit ?? 20 }),
});

/** The client operations, as the `shop.clients` section exposes them. */
export const clientOperations = {
  create: createClient,
  update: updateClient,
  delete: deleteClient,
  get: getClient,
  list: listClients,
  search: searchClients,
};
