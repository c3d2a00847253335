import * as z from 'zod/mini';
import { plateKey } from '../clients/search-text.js';
import { idString, longText, shortText } from '../domain/schemas.js';
import type { CollectionSchema } from '../storage/contract.js';
import { vinProblem } from './vin.js';

/** Kinds of paint, which matter for film and coating choices. */
export const PAINT_TYPES = ['solid', 'metallic', 'pearl', 'matte', 'satin', 'other'] as const;

/**
 * A vehicle, owned by a client.
 *
 * @example
 * ```ts
 * const car: Vehicle = await shop.vehicles.create({ clientId, make: 'Porsche', model: '911', plate: 'AB-123-CD' });
 * ```
 */
export interface Vehicle {
  clientId: string;
  make: string;
  model: string;
  year: number | null;
  colour: string | null;
  plate: string | null;
  /** Derived: the plate without separators, upper-case, for lookups. */
  plateKey: string | null;
  vin: string | null;
  paintType: (typeof PAINT_TYPES)[number] | null;
  notes: string;
}

const vin = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.maxLength(17),
  z.superRefine((value, ctx) => {
    const problem = vinProblem(value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
  }),
);

const plate = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(20),
    z.regex(/^[\p{L}\p{N} -]+$/u, 'expected letters, digits, spaces or dashes'),
  );

/** The editable fields of a vehicle, each validated. */
export const vehicleFields = {
  clientId: idString,
  make: shortText,
  model: shortText,
  year: z.nullable(z.number().check(z.int(), z.gte(1886), z.lte(2100))),
  colour: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
  plate: z.nullable(plate),
  vin: z.nullable(vin),
  paintType: z.nullable(z.enum(PAINT_TYPES)),
  notes: longText,
};

/** What creating a vehicle takes (also accepted inline by `tasks.create`). */
export const newVehicleShape = {
  make: vehicleFields.make,
  model: vehicleFields.model,
  year: z.optional(vehicleFields.year),
  colour: z.optional(vehicleFields.colour),
  plate: z.optional(vehicleFields.plate),
  vin: z.optional(vehicleFields.vin),
  paintType: z.optional(vehicleFields.paintType),
  notes: z.optional(vehicleFields.notes),
};

/** A vehicle to create, as parsed. */
export type NewVehicle = z.output<z.ZodMiniObject<typeof newVehicleShape>>;

/**
 * The full vehicle document for `fields` (defaults filled, plate key derived).
 *
 * @example
 * ```ts
 * vehicleDoc('c-1', { make: 'Tesla', model: 'Model 3', plate: 'ab-123-cd' }).plateKey; // 'AB123CD'
 * ```
 */
export function vehicleDoc(clientId: string, fields: NewVehicle): Vehicle {
  return {
    clientId,
    make: fields.make,
    model: fields.model,
    year: fields.year ?? null,
    colour: fields.colour ?? null,
    plate: fields.plate ?? null,
    plateKey: fields.plate ? plateKey(fields.plate) : null,
    vin: fields.vin ?? null,
    paintType: fields.paintType ?? null,
    notes: fields.notes ?? '',
  };
}

/**
 * The `vehicles` collection: by client, plate key and VIN (a VIN is unique among live vehicles).
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(vehiclesCollection);
 * ```
 */
export const vehiclesCollection: CollectionSchema = {
  name: 'vehicles',
  fields: { clientId: 'string', plateKey: 'string', vin: 'string', make: 'string' },
  unique: [{ fields: ['vin'] }],
};
