/**
 * Normalised forms written into the full-text `searchText` of clients and tasks, so that what a
 * person types at the counter finds the record: "0612" finds `+33 6 12 34 56 78`, "AB123" finds
 * `AB-123-CD`. The adapter's full-text search is case- and accent-insensitive and matches word
 * prefixes; these helpers make phone numbers and plates single words.
 */

/**
 * A plate without separators, upper-case: `ab-123 cd` → `AB123CD`.
 *
 * @example
 * ```ts
 * plateKey('ab-123-cd'); // 'AB123CD'
 * ```
 */
export function plateKey(plate: string): string {
  return plate
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
}

/**
 * Searchable words of a phone number: its digits, and for an international number (`+…`) the
 * national form with a trunk `0` in place of the country code — so `+33 6 12 34 56 78` gives
 * `33612345678` and `0612345678`. The country code is the first group when the number is written
 * with separators (`+33 6…`); written without (`+33612…`), each 1–3 digit split is added.
 *
 * @example
 * ```ts
 * phoneWords('+33 6 12 34 56 78'); // ['33612345678', '0612345678']
 * ```
 */
export function phoneWords(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return [];
  const words = [digits];
  const trimmed = phone.trim();
  if (!trimmed.startsWith('+')) return words;
  const grouped = /^\+(\d{1,3})[\s.()-]/.exec(trimmed);
  const lengths = grouped?.[1] ? [grouped[1].length] : [1, 2, 3];
  for (const cc of lengths) if (cc < digits.length) words.push(`0${digits.slice(cc)}`);
  return words;
}

/**
 * Joins the searchable parts of a record into one text: the parts as they are, then the phone
 * words and plate keys.
 *
 * @example
 * ```ts
 * buildSearchText({ text: ['Léa Martin', 'lea@example.com'], phones: ['+33 6 12'], plates: ['AB-123-CD'] });
 * ```
 */
export function buildSearchText(parts: {
  text: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  plates?: readonly (string | null | undefined)[];
}): string {
  const words: string[] = [];
  for (const t of parts.text) if (t) words.push(t);
  for (const p of parts.phones ?? []) if (p) words.push(...phoneWords(p));
  for (const p of parts.plates ?? []) if (p) words.push(p, plateKey(p));
  return words.join(' ');
}
