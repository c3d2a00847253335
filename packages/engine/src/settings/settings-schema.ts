import * as z from 'zod/mini';
import { ROLES, type Role } from '../domain/principal.js';

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 08:00'));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Opening days (ISO weekdays, 1 = Monday … 7 = Sunday) and hours, in the organisation's time zone. */
export const businessHoursSchema = z
  .strictObject({
    days: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7)),
    open: hhmm,
    close: hhmm,
  })
  .check(
    z.refine((h) => h.open < h.close, {
      message: 'business hours must open before they close',
      path: ['close'],
    }),
  );

/** Login lockout: `maxAttempts` failures within `windowMinutes` lock the account `lockMinutes`. */
export const lockoutSchema = z.strictObject({
  maxAttempts: z.number().check(z.int(), z.gte(1), z.lte(100)),
  windowMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  lockMinutes: z.number().check(z.int(), z.gte(1), z.lte(7 * 24 * 60)),
});

/** Session timeouts: idle (minutes without a call) and absolute (hours since login). */
export const sessionTimeoutsSchema = z
  .strictObject({
    idleMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
    absoluteHours: z.number().check(z.int(), z.gte(1), z.lte(30 * 24)),
  })
  .check(
    z.refine((s) => s.idleMinutes <= s.absoluteHours * 60, {
      message: 'the idle timeout cannot exceed the absolute one',
      path: ['idleMinutes'],
    }),
  );

/** Every organisation setting with its validation; the shape of `settings.update`'s fields. */
export const settingsFields = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** ISO 4217 code. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code like EUR')),
  /** IANA time zone. */
  timeZone: z
    .string()
    .check(
      z.maxLength(100),
      z.refine(isTimeZone, { message: 'expected an IANA time zone like Europe/Paris' }),
    ),
  businessHours: businessHoursSchema,
  /** Task number prefix: `T` gives `T-2026-000123`. */
  taskNumberPrefix: z.string().check(z.regex(/^[A-Z0-9]{1,10}$/, 'expected 1–10 capital letters or digits')),
  lockout: lockoutSchema,
  sessions: sessionTimeoutsSchema,
  twoFactorRequiredRoles: z.array(z.enum(ROLES as unknown as [Role, ...Role[]])).check(z.maxLength(4)),
  allowNegativeStock: z.boolean(),
  /** Days after a film roll's reception before its warranty coverage is at risk. */
  filmShelfLifeDays: z.number().check(z.int(), z.gte(1), z.lte(3650)),
  /** A lot expiring within this many days is flagged as expiring. */
  lotExpiryWarningDays: z.number().check(z.int(), z.gte(0), z.lte(3650)),
  /** Largest accepted photo upload, bytes. */
  photoMaxBytes: z.number().check(z.int(), z.gte(1024), z.lte(200 * 1024 * 1024)),
  /** Largest accepted photo, pixels, read from the header before any decoding. */
  photoMaxPixels: z.number().check(z.int(), z.gte(1), z.lte(500_000_000)),
  /** Keep GPS/location metadata in stored photos (off: stripped before storing). */
  keepPhotoLocation: z.boolean(),
};

/**
 * The organisation's settings.
 *
 * @example
 * ```ts
 * const { timeZone, businessHours } = await shop.settings.get();
 * ```
 */
export interface OrganisationSettings {
  name: string;
  currency: string;
  timeZone: string;
  businessHours: { days: number[]; open: string; close: string };
  taskNumberPrefix: string;
  lockout: { maxAttempts: number; windowMinutes: number; lockMinutes: number };
  sessions: { idleMinutes: number; absoluteHours: number };
  twoFactorRequiredRoles: Role[];
  allowNegativeStock: boolean;
  filmShelfLifeDays: number;
  lotExpiryWarningDays: number;
  photoMaxBytes: number;
  photoMaxPixels: number;
  keepPhotoLocation: boolean;
}

/**
 * What a new organisation starts with: EUR, Europe/Paris, 08:00–18:00 Monday to Friday,
 * 5 failed logins in 15 minutes lock 15 minutes, sessions 12 h (idle 30 min), film shelf life 1 year,
 * lots flagged 30 days before expiry, photos up to 20 MB and 50 MP with location stripped.
 *
 * @example
 * ```ts
 * DEFAULT_SETTINGS.currency; // 'EUR'
 * ```
 */
export const DEFAULT_SETTINGS: Readonly<OrganisationSettings> = Object.freeze({
  name: 'My shop',
  currency: 'EUR',
  timeZone: 'Europe/Paris',
  businessHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' },
  taskNumberPrefix: 'T',
  lockout: { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 },
  sessions: { idleMinutes: 30, absoluteHours: 12 },
  twoFactorRequiredRoles: [],
  allowNegativeStock: false,
  filmShelfLifeDays: 365,
  lotExpiryWarningDays: 30,
  photoMaxBytes: 20 * 1024 * 1024,
  photoMaxPixels: 50_000_000,
  keepPhotoLocation: false,
});
