import { inject, injectable } from 'inversify';
import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { CollectionSchema, ReadTransaction, StorageAdapter } from '../storage/contract.js';
import { DEFAULT_SETTINGS, type OrganisationSettings, settingsFields } from './settings-schema.js';

/** The id of the one settings document. */
export const SETTINGS_ID = 'organisation';

/**
 * The `settings` collection: one document, `organisation`.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(settingsCollection);
 * ```
 */
export const settingsCollection: CollectionSchema = { name: 'settings', fields: {} };

/**
 * The organisation settings inside a transaction: the stored values over the defaults.
 * Commands of other modules call this to read the settings in their own transaction.
 *
 * @example
 * ```ts
 * const { timeZone } = await readSettings(ctx.tx);
 * ```
 */
export async function readSettings(tx: ReadTransaction): Promise<OrganisationSettings & { rev: number }> {
  const stored = await tx.get<Partial<OrganisationSettings>>('settings', SETTINGS_ID);
  if (!stored) return { ...structuredClone(DEFAULT_SETTINGS), rev: 0 };
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...values } = stored;
  return { ...structuredClone(DEFAULT_SETTINGS), ...values };
}

/**
 * Reads the settings outside a command (for services that hold no transaction).
 *
 * @example
 * ```ts
 * const settings = await engine.get<SettingsService>(SettingsService).current();
 * ```
 */
@injectable()
export class SettingsService {
  constructor(@inject(TOKENS.Storage) private readonly storage: StorageAdapter) {}

  /** The current settings, defaults filled in. */
  current(): Promise<OrganisationSettings & { rev: number }> {
    return this.storage.read(readSettings);
  }
}

/**
 * `settings.get`: the organisation settings (defaults until an admin changes them), with the
 * `rev` to pass back to `settings.update` (0 before the first change).
 *
 * @example
 * ```ts
 * const settings = await shop.settings.get();
 * ```
 */
export const getSettings = defineQuery({
  name: 'settings.get',
  input: z.optional(z.strictObject({})),
  run: (ctx) => readSettings(ctx.tx),
});

const updateInput = z.strictObject({
  rev: z.optional(z.number().check(z.int(), z.gte(0))),
  name: z.optional(settingsFields.name),
  currency: z.optional(settingsFields.currency),
  timeZone: z.optional(settingsFields.timeZone),
  businessHours: z.optional(settingsFields.businessHours),
  taskNumberPrefix: z.optional(settingsFields.taskNumberPrefix),
  lockout: z.optional(settingsFields.lockout),
  sessions: z.optional(settingsFields.sessions),
  twoFactorRequiredRoles: z.optional(settingsFields.twoFactorRequiredRoles),
  allowNegativeStock: z.optional(settingsFields.allowNegativeStock),
  filmShelfLifeDays: z.optional(settingsFields.filmShelfLifeDays),
  lotExpiryWarningDays: z.optional(settingsFields.lotExpiryWarningDays),
  photoMaxBytes: z.optional(settingsFields.photoMaxBytes),
  photoMaxPixels: z.optional(settingsFields.photoMaxPixels),
  keepPhotoLocation: z.optional(settingsFields.keepPhotoLocation),
});

/**
 * `settings.update` (admin only): changes some settings; nested groups (business hours,
 * lockout, sessions) are replaced whole and validated together. With `rev`, refused with
 * `CONFLICT` if someone changed the settings since.
 *
 * @example
 * ```ts
 * await shop.settings.update({ currency: 'CHF', timeZone: 'Europe/Zurich' });
 * ```
 */
export const updateSettings = defineCommand({
  name: 'settings.update',
  input: updateInput,
  run: async (ctx, input): Promise<OrganisationSettings & { rev: number }> => {
    const { rev, ...patch } = input;
    const stored = await ctx.tx.get<Partial<OrganisationSettings>>('settings', SETTINGS_ID);
    const current = stored?.rev ?? 0;
    if (rev !== undefined && rev !== current) {
      throw new EngineError(
        'CONFLICT',
        `the settings changed since they were read (rev ${rev}, now ${current})`,
        {
          details: { expectedRev: rev, actualRev: current },
        },
      );
    }
    if (stored) await ctx.update('settings', stored, patch);
    else await ctx.insert('settings', { id: SETTINGS_ID, ...DEFAULT_SETTINGS, ...patch });
    return readSettings(ctx.tx);
  },
});

/** The settings operations, as the `shop.settings` section exposes them. */
export const settingsOperations = { get: getSettings, update: updateSettings };
