import type { Client } from '../clients/client-model.js';
import type { Doc } from '../storage/contract.js';
import type { CsvValue } from './csv-format.js';

/**
 * Columns of the clients CSV, in export order. An import reads `createdAt` and leaves it alone.
 *
 * @example
 * ```ts
 * CLIENT_COLUMNS[0]; // 'id'
 * ```
 */
export const CLIENT_COLUMNS = [
  'id',
  'kind',
  'name',
  'contactName',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'taxId',
  'tags',
  'notes',
  'createdAt',
] as const;

/**
 * Separator of list cells (tags, coverage).
 *
 * @example
 * ```ts
 * ['vip', 'fleet'].join(LIST_SEPARATOR); // 'vip|fleet'
 * ```
 */
export const LIST_SEPARATOR = '|';

/**
 * A client as one CSV record.
 *
 * @example
 * ```ts
 * clientRecord(lea); // { id: '0197…', kind: 'individual', name: 'Léa Martin', tags: 'vip|fleet', … }
 * ```
 */
export function clientRecord(client: Doc<Client>): Record<string, CsvValue> {
  return {
    id: client.id,
    kind: client.kind,
    name: client.name,
    contactName: client.contactName,
    email: client.email,
    phone: client.phone,
    addressLine1: client.address?.line1,
    addressLine2: client.address?.line2,
    postalCode: client.address?.postalCode,
    city: client.address?.city,
    country: client.address?.country,
    taxId: client.taxId,
    tags: client.tags.join(LIST_SEPARATOR),
    notes: client.notes,
    createdAt: client.createdAt,
  };
}

/**
 * The cells of a list column as a list (`vip|fleet` → `['vip', 'fleet']`); empty → undefined.
 *
 * @example
 * ```ts
 * listCell('vip| fleet'); // ['vip', 'fleet']
 * ```
 */
export function listCell(cell: string | undefined): string[] | undefined {
  if (!cell) return undefined;
  return cell
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * The object with its empty (undefined, '') values left out: an empty cell means "not given".
 *
 * @example
 * ```ts
 * given({ name: 'Léa', email: '' }); // { name: 'Léa' }
 * ```
 */
export function given(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * A CSV row as the input of `clients.create` (not yet validated: the command's schema does
 * that). The address is given when any of its cells is.
 *
 * @example
 * ```ts
 * clientInput({ name: 'Léa Martin', city: 'Lyon', postalCode: '69001', addressLine1: '1 rue X', country: 'FR' });
 * ```
 */
export function clientInput(cells: Record<string, string>): Record<string, unknown> {
  const address = given({
    line1: cells.addressLine1,
    line2: cells.addressLine2,
    postalCode: cells.postalCode,
    city: cells.city,
    country: cells.country,
  });
  return given({
    kind: cells.kind,
    name: cells.name,
    contactName: cells.contactName,
    email: cells.email,
    phone: cells.phone,
    address: Object.keys(address).length > 0 ? address : undefined,
    taxId: cells.taxId,
    tags: listCell(cells.tags),
    notes: cells.notes,
  });
}
