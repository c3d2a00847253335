import * as z from 'zod/mini';
import { type Client, clientSearchText } from '../clients/client-model.js';
import { plateKey } from '../clients/search-text.js';
import { type CommandContext, defineCommand, defineQuery } from '../domain/command.js';
import { cursor, idString, pageLimit, revNumber } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, Page } from '../storage/contract.js';
import {
  type NewVehicle,
  newVehicleShape,
  type Vehicle,
  vehicleDoc,
  vehicleFields,
} from './vehicle-model.js';

/**
 * Keeps a client's searchable plates in step with their live vehicles (same transaction).
 *
 * @example
 * ```ts
 * await refreshClientPlates(ctx, vehicle.clientId);
 * ```
 */
export async function refreshClientPlates(ctx: CommandContext, clientId: string): Promise<void> {
  const client = await ctx.tx.get<Client>('clients', clientId);
  if (!client) return;
  const vehicles = await ctx.tx.find<Vehicle>('vehicles', {
    where: { clientId },
    orderBy: [{ field: 'id' }],
    limit: 1000,
  });
  const plates = vehicles.items.flatMap((v) => (v.plate ? [v.plate] : []));
  await ctx.update<Client>('clients', client, {
    plates,
    searchText: clientSearchText({ ...client, plates }),
  });
}

/**
 * Creates a vehicle for a live client, inside the caller's transaction (used by
 * `vehicles.create` and by `tasks.create` with an inline vehicle).
 *
 * @example
 * ```ts
 * const car = await createVehicleIn(ctx, clientId, { make: 'BMW', model: 'M3' });
 * ```
 */
export async function createVehicleIn(
  ctx: CommandContext,
  clientId: string,
  fields: NewVehicle,
): Promise<Doc<Vehicle>> {
  await ctx.load<Client>('clients', clientId);
  const vehicle = await ctx.insert<Vehicle>('vehicles', vehicleDoc(clientId, fields));
  if (vehicle.plate) await refreshClientPlates(ctx, clientId);
  return vehicle;
}

/**
 * `vehicles.create`: a vehicle for a client; VIN checked (see `vin.ts`), unique among live vehicles.
 *
 * @example
 * ```ts
 * await shop.vehicles.create({ clientId, make: 'Porsche', model: '911', year: 2022, plate: 'AB-123-CD' });
 * ```
 */
export const createVehicle = defineCommand({
  name: 'vehicles.create',
  input: z.strictObject({ clientId: idString, ...newVehicleShape }),
  run: (ctx, input) => {
    const { clientId, ...fields } = input;
    return createVehicleIn(ctx, clientId, fields);
  },
});

const updateInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  clientId: z.optional(vehicleFields.clientId),
  make: z.optional(vehicleFields.make),
  model: z.optional(vehicleFields.model),
  year: z.optional(vehicleFields.year),
  colour: z.optional(vehicleFields.colour),
  plate: z.optional(vehicleFields.plate),
  vin: z.optional(vehicleFields.vin),
  paintType: z.optional(vehicleFields.paintType),
  notes: z.optional(vehicleFields.notes),
});

/**
 * `vehicles.update`: changes some fields; moving it to another (live) client is allowed.
 *
 * @example
 * ```ts
 * await shop.vehicles.update({ id: car.id, rev: car.rev, colour: 'Guards Red' });
 * ```
 */
export const updateVehicle = defineCommand({
  name: 'vehicles.update',
  input: updateInput,
  run: async (ctx, input): Promise<Doc<Vehicle>> => {
    const { id, rev, ...patch } = input;
    const vehicle = await ctx.load<Vehicle>('vehicles', id, rev === undefined ? {} : { rev });
    if (patch.clientId !== undefined) await ctx.load<Client>('clients', patch.clientId);
    const key =
      patch.plate === undefined ? {} : { plateKey: patch.plate === null ? null : plateKey(patch.plate) };
    const saved = await ctx.update<Vehicle>('vehicles', vehicle, { ...patch, ...key });
    if (saved.plate !== vehicle.plate || saved.clientId !== vehicle.clientId) {
      await refreshClientPlates(ctx, vehicle.clientId);
      if (saved.clientId !== vehicle.clientId) await refreshClientPlates(ctx, saved.clientId);
    }
    return saved;
  },
});

/**
 * `vehicles.delete`: moves a vehicle to the trash; refused (`PRECONDITION`) while live tasks use it.
 *
 * @example
 * ```ts
 * await shop.vehicles.delete({ id: car.id });
 * ```
 */
export const deleteVehicle = defineCommand({
  name: 'vehicles.delete',
  input: z.strictObject({ id: idString, rev: z.optional(revNumber) }),
  run: async (ctx, input): Promise<Doc<Vehicle>> => {
    const vehicle = await ctx.load<Vehicle>(
      'vehicles',
      input.id,
      input.rev === undefined ? {} : { rev: input.rev },
    );
    await refuseWhileUsed(ctx, vehicle.id);
    const deleted = await ctx.softDelete<Vehicle>('vehicles', vehicle);
    await refreshClientPlates(ctx, vehicle.clientId);
    return deleted;
  },
});

async function refuseWhileUsed(ctx: CommandContext, vehicleId: string): Promise<void> {
  const tasks = await ctx.tx.count('tasks', { vehicleId });
  if (tasks > 0) {
    throw new EngineError('PRECONDITION', `vehicle ${vehicleId} is used by ${tasks} task(s)`, {
      details: { vehicleId, tasks },
    });
  }
}

/**
 * `vehicles.get`: one live vehicle.
 *
 * @example
 * ```ts
 * const car = await shop.vehicles.get({ id });
 * ```
 */
export const getVehicle = defineQuery({
  name: 'vehicles.get',
  input: z.strictObject({ id: idString }),
  run: (ctx, input) => ctx.load<Vehicle>('vehicles', input.id),
});

/**
 * `vehicles.list`: a client's live vehicles (or every vehicle), cursor-paged.
 *
 * @example
 * ```ts
 * const { items } = await shop.vehicles.list({ clientId });
 * ```
 */
export const listVehicles = defineQuery({
  name: 'vehicles.list',
  input: z.optional(
    z.strictObject({
      clientId: z.optional(idString),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  run: (ctx, input): Promise<Page<Doc<Vehicle>>> =>
    ctx.tx.find<Vehicle>('vehicles', {
      where: input?.clientId ? { clientId: input.clientId } : {},
      orderBy: [{ field: 'make' }],
      limit: input?.limit ?? 50,
      ...(input?.after ? { after: input.after } : {}),
    }),
});

/**
 * `vehicles.history`: the live tasks done on or planned for a vehicle, newest first.
 *
 * @example
 * ```ts
 * const { items } = await shop.vehicles.history({ id: car.id });
 * ```
 */
export const vehicleHistory = defineQuery({
  name: 'vehicles.history',
  input: z.strictObject({ id: idString, limit: z.optional(pageLimit), after: z.optional(cursor) }),
  run: async (ctx, input) => {
    await ctx.load<Vehicle>('vehicles', input.id);
    return ctx.tx.find('tasks', {
      where: { vehicleId: input.id },
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: input.limit ?? 50,
      ...(input.after ? { after: input.after } : {}),
    });
  },
});

/** The vehicle operations, as the `shop.vehicles` section exposes them. */
export const vehicleOperations = {
  create: createVehicle,
  update: updateVehicle,
  delete: deleteVehicle,
  get: getVehicle,
  list: listVehicles,
  history: vehicleHistory,
};
