import * as z from 'zod/mini';
import { longText, shortText, tagList } from '../domain/schemas.js';
import type { CollectionSchema } from '../storage/contract.js';
import { buildSearchText } from './search-text.js';

/**
 * Derived figures of a client, recomputed in the same transaction as every change to one of
 * their tasks: live tasks, completed tasks, total billed (sum of the completed tasks'
 * `billedAmount`), last visit (latest completion).
 */
export interface ClientStats {
  tasks: number;
  completed: number;
  totalBilled: number;
  lastVisitAt: string | null;
}

/** A postal address. */
export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * A client of the shop: a person or a business.
 *
 * @example
 * ```ts
 * const client: Client = await shop.clients.create({ kind: 'business', name: 'Garage Dupont', taxId: 'FR40303265045' });
 * ```
 */
export interface Client {
  kind: 'individual' | 'business';
  name: string;
  /** For a business: the person to talk to. */
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  taxId: string | null;
  tags: string[];
  notes: string;
  stats: ClientStats;
  /** Plates of the client's live vehicles, kept by the vehicles module (searchable). */
  plates: string[];
  /** Derived: what full-text search matches (names, email, phone forms, plates, tags). */
  searchText: string;
}

const addressSchema = z.strictObject({
  line1: shortText,
  line2: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  postalCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  city: shortText,
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code like FR')),
});

const email = z.email().check(z.maxLength(254));
const phone = z
  .string()
  .check(
    z.trim(),
    z.maxLength(40),
    z.regex(/^\+?[0-9 ().-]{4,}$/, 'expected a phone number like +33 6 12 34 56 78'),
  );
const taxId = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z0-9 .-]{2,30}$/, 'expected a tax id like FR40303265045'));

/** The editable fields of a client, each validated; `clients.create` and `clients.update` use them. */
export const clientFields = {
  kind: z.enum(['individual', 'business']),
  name: shortText,
  contactName: z.nullable(shortText),
  email: z.nullable(email),
  phone: z.nullable(phone),
  address: z.nullable(addressSchema),
  taxId: z.nullable(taxId),
  tags: tagList,
  notes: longText,
};

/**
 * The `clients` collection: filterable by kind, name, email, last visit; full-text over
 * `searchText`.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(clientsCollection);
 * ```
 */
export const clientsCollection: CollectionSchema = {
  name: 'clients',
  fields: {
    kind: 'string',
    name: 'string',
    email: 'string',
    'stats.lastVisitAt': 'date',
    'stats.tasks': 'number',
  },
  fullText: ['searchText'],
};

/**
 * The full-text of a client: names, email, tax id, tags, phone forms and plates.
 *
 * @example
 * ```ts
 * clientSearchText({ name: 'Léa', contactName: null, email: null, phone: '+33 6 12', taxId: null, tags: [], plates: [] });
 * ```
 */
export function clientSearchText(
  c: Pick<Client, 'name' | 'contactName' | 'email' | 'phone' | 'taxId' | 'tags' | 'plates'>,
): string {
  return buildSearchText({
    text: [c.name, c.contactName, c.email, c.taxId, ...c.tags],
    phones: [c.phone],
    plates: c.plates,
  });
}
